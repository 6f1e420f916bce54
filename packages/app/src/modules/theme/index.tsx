import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import { UnifiedThemeProvider } from '@backstage/theme';
import LightIcon from '@material-ui/icons/WbSunny';
import DarkIcon from '@material-ui/icons/Brightness2';
import { finopsDarkTheme, finopsLightTheme } from './finopsTheme';

const lightTheme = ThemeBlueprint.make({
  name: 'finops-light',
  params: {
    theme: {
      id: 'finops-light',
      title: 'FinOps light',
      variant: 'light',
      icon: <LightIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={finopsLightTheme} children={children} />
      ),
    },
  },
});

const darkTheme = ThemeBlueprint.make({
  name: 'finops-dark',
  params: {
    theme: {
      id: 'finops-dark',
      title: 'FinOps dark',
      variant: 'dark',
      icon: <DarkIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={finopsDarkTheme} children={children} />
      ),
    },
  },
});

/** The FinOps brand as the app's themes (installed on the app plugin). */
export const themeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [lightTheme, darkTheme],
});
