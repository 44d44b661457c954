/**
 * {@code pacer host auth / deauth / password} and {@code pacer cluster auth / setup / start /
 * stop / enable / disable / destroy / node add|remove|clear}: the commands that talk to pacerd's HTTPS API on other nodes (pcs's {@code host} and
 * {@code cluster} commands that go through pcsd). Thin front doors: they parse arguments, ask
 * {@link pacer.cli.host.ApiClient} and print what each node answered. Trust is pinned on first
 * use: {@link pacer.cli.host.KnownHosts} keeps each node's token and certificate fingerprint.
 * Every failure names the node, its address and port, and what to check.
 */
package pacer.cli.host;
