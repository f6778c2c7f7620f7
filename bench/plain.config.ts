// The bench's plain builds: the user's site.config.ts with search off, so the targets without search are
// measured as they were before search existed (the search side uses site.config.ts as it is).
import config from '../site.config.ts';

export default { ...config, search: false };
