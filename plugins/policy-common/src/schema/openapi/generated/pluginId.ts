export const pluginId = 'policy';
