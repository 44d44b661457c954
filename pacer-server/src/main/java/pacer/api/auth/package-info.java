/**
 * Who may use the API: the password check ({@link pacer.api.auth.Authenticator}: PAM through
 * JNA, or Pacer's own PBKDF2 password file), the {@code haclient} group rule, the tokens issued
 * after a login ({@link pacer.api.auth.TokenStore}, kept hashed) and login throttling
 * ({@link pacer.api.auth.LoginThrottle}). No HTTP here; the clock is injected.
 */
package pacer.api.auth;
