// Placeholder until the widget lands: the real build bundles widget/src with esbuild.
