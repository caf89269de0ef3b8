// Tailwind CSS v4 through PostCSS, as shadcn/ui's Next.js setup does; the theme lives in app/globals.css.
const config = {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};

export default config;
