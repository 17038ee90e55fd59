// A parse worker that dies before parsing anything, as a worker thread killed by a native crash or out of memory would.
process.exit(7);
