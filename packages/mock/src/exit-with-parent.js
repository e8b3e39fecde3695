// Preloaded into Prism (node --import): the parent holds the other end of stdin, and that pipe
// closes however the parent ends (Ctrl-C, SIGTERM, SIGKILL, a crash), so Prism never outlives it.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
