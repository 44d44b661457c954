/**
 * pacerd's HTTPS management API (pcsd's job): TLS on port 2224, token authentication after a
 * password login ({@code POST /auth}), and the endpoints {@code pacer host auth}, {@code pacer
 * cluster setup}, {@code /status} and {@code /cib} use.
 *
 * <p>{@link pacer.api.ApiServer} is the entry point and the one place the request chain is
 * assembled: error mapping, then authentication, then the audit trail, then the route's handler
 * (after OkHttp's interceptor chain). Handlers are thin: they validate the JSON, call into
 * {@code pacer.api.setup}, the store or the command library, and map the answer. Nothing here
 * holds static mutable state; time comes from an injected {@link java.time.InstantSource}.
 * The wire contract is documented in {@code docs/api.md}.
 */
package pacer.api;
