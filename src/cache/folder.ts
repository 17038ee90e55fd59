// Where cached work is kept, under the root: safe to delete at any time.
export const CACHE_FOLDER = '.handbook-cache';
