import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 28, height: 28, flexShrink: 0 },
});

/** The FinOps mark: a ledger column rising into a check. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      role="img"
      aria-label="FinOps Platform"
    >
      <rect width="32" height="32" rx="7" fill="#14b8a6" />
      <rect x="7" y="17" width="4" height="8" rx="1" fill="#0f172a" />
      <rect x="14" y="12" width="4" height="13" rx="1" fill="#0f172a" />
      <path
        d="M21 15l3 3 5-8"
        stroke="#f8fafc"
        strokeWidth="2.6"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
};
