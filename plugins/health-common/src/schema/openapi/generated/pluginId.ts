export const pluginId = 'health';
