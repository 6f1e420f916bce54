export const pluginId = 'secrets';
