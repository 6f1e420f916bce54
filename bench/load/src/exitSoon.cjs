// Preloaded into the backend with --profile (NODE_OPTIONS): Backstage
// stops gracefully on SIGTERM, but the event bus's long polls hold that up
// for most of a minute, past the point where startBackend kills it and no
// CPU profile is written. Exit normally a few seconds after SIGTERM, so
// --cpu-prof writes its profile (as bench/pipelines' backend does).
process.once('SIGTERM', () => {
  setTimeout(() => process.exit(0), 3000).unref();
});
