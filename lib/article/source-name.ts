/** The site's display name for a host: the most specific configured domain wins (`cn.reuters.com` → `reuters.com`). */
export function sourceName(host: string, names: Record<string, string>): string {
  const bare = host.replace(/^www\./, '');
  const labels = bare.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const name = names[labels.slice(i).join('.')];
    if (name) return name;
  }
  return bare;
}
