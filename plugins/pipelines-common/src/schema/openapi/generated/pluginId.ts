export const pluginId = 'pipelines';
