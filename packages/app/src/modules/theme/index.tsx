import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import { UnifiedThemeProvider } from '@backstage/theme';
import LightIcon from '@material-ui/icons/WbSunny';
import DarkIcon from '@material-ui/icons/Brightness2';
import { finopsDarkTheme, finopsLightTheme } from './finopsTheme';

function finopsThemeExtension(options: {
  id: string;
  title: string;
  variant: 'light' | 'dark';
  icon: JSX.Element;
  theme: typeof finopsLightTheme;
}) {
  const { theme, ...rest } = options;
  return ThemeBlueprint.make({
    name: options.id,
    params: {
      theme: {
        ...rest,
        Provider: ({ children }) => (
          <UnifiedThemeProvider theme={theme} children={children} />
        ),
      },
    },
  });
}

const lightTheme = finopsThemeExtension({
  id: 'finops-light',
  title: 'FinOps light',
  variant: 'light',
  icon: <LightIcon />,
  theme: finopsLightTheme,
});

const darkTheme = finopsThemeExtension({
  id: 'finops-dark',
  title: 'FinOps dark',
  variant: 'dark',
  icon: <DarkIcon />,
  theme: finopsDarkTheme,
});

/** The FinOps brand as the app's themes (installed on the app plugin). */
export const themeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [lightTheme, darkTheme],
});
