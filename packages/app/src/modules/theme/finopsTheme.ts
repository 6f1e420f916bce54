import {
  createBaseThemeOptions,
  createUnifiedTheme,
  genPageTheme,
  palettes,
  shapes,
} from '@backstage/theme';

const TEAL = '#0f766e';
const NAVY = '#0f172a';

// One header colour per kind of page, all in the brand's teal-to-navy range.
const pageTheme = {
  home: genPageTheme({ colors: [NAVY, TEAL], shape: shapes.wave }),
  documentation: genPageTheme({
    colors: [NAVY, '#1e3a8a'],
    shape: shapes.wave2,
  }),
  tool: genPageTheme({ colors: [NAVY, '#155e75'], shape: shapes.round }),
  service: genPageTheme({ colors: [NAVY, TEAL], shape: shapes.wave }),
  website: genPageTheme({ colors: [NAVY, '#0e7490'], shape: shapes.wave }),
  library: genPageTheme({ colors: [NAVY, '#3730a3'], shape: shapes.wave }),
  other: genPageTheme({ colors: [NAVY, '#334155'], shape: shapes.wave }),
  app: genPageTheme({ colors: [NAVY, TEAL], shape: shapes.wave }),
  apis: genPageTheme({ colors: [NAVY, '#6d28d9'], shape: shapes.wave2 }),
};

const navigation = {
  background: NAVY,
  indicator: '#14b8a6',
  color: '#cbd5e1',
  selectedColor: '#f8fafc',
  navItem: { hoverBackground: '#1e293b' },
  submenu: { background: '#111827' },
};

export const finopsLightTheme = createUnifiedTheme({
  ...createBaseThemeOptions({
    palette: {
      ...palettes.light,
      primary: { main: TEAL },
      secondary: { main: '#1e3a8a' },
      navigation,
    },
  }),
  fontFamily: 'Inter, "Helvetica Neue", Arial, sans-serif',
  pageTheme,
  defaultPageTheme: 'home',
});

export const finopsDarkTheme = createUnifiedTheme({
  ...createBaseThemeOptions({
    palette: {
      ...palettes.dark,
      primary: { main: '#2dd4bf' },
      secondary: { main: '#93c5fd' },
      navigation,
    },
  }),
  fontFamily: 'Inter, "Helvetica Neue", Arial, sans-serif',
  pageTheme,
  defaultPageTheme: 'home',
});
