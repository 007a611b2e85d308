import { fileURLToPath } from 'node:url';
import { cloudflare } from '@cloudflare/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Web app (SPA) build.
 *
 * - `vite build` → plain client assets in dist/web, served by the Worker's
 *   `[assets]` binding (wrangler.toml: directory = "./dist/web",
 *   not_found_handling = "single-page-application").
 * - `vite` (dev server) → also runs the Worker (worker/index.ts) in workerd via
 *   @cloudflare/vite-plugin, so /api/* and /media/* hit the real Worker.
 *   The plugin is deliberately left out of `vite build` so the build stays a
 *   client-only bundle and `wrangler dev/deploy` bundles the Worker itself.
 */
export default defineConfig(({ command }) => {
  const plugins: PluginOption[] = [react()];
  if (command === 'serve' && !process.env.VITEST) {
    // configPath is resolved against the Vite root (web/); use an absolute path to be explicit.
    plugins.push(cloudflare({ configPath: here('./wrangler.toml') }));
  }

  return {
    root: here('./web'),
    publicDir: here('./web/public'),
    plugins,
    build: {
      outDir: here('./dist/web'),
      emptyOutDir: true,
      // The Babylon chunk (~1.16 MB raw, lazy, /projects only) is the one chunk above the 500 kB default.
      chunkSizeWarningLimit: 1250,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // Shared by every page and cacheable across app deploys. Vite's dynamic-import
              // preload helper lives here too: otherwise it is pulled into the Babylon
              // group (Babylon uses it for its own lazy shaders) and the entry would
              // statically import the Babylon chunk.
              {
                name: 'vendor',
                test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]|vite[\\/]preload-helper/,
                priority: 20,
              },
              // Babylon.js, reachable only through the lazy ProjectViewer import. Its own
              // on-demand modules (GLSL/WGSL shaders, texture loaders) stay separate chunks.
              {
                name: 'babylon',
                test: (id: string) =>
                  /node_modules[\\/]@babylonjs[\\/]core[\\/]/.test(id) &&
                  !/[\\/](Shaders|ShadersWGSL)[\\/]|[\\/]Materials[\\/]Textures[\\/]Loaders[\\/]/.test(id),
                priority: 10,
              },
            ],
          },
        },
      },
    },
  };
});
