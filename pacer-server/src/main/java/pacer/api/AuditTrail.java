package pacer.api;

/**
 * Writes an {@link AuditLog} record for every request that changes something (any method but
 * GET and HEAD), including login attempts, after the handler answered: who (the authenticated
 * user, or the user a login was for), from where, what, on which object, and the result. A
 * request that failed with an exception is recorded too, then the exception goes on to
 * {@link ErrorMapping}.
 */
final class AuditTrail implements Interceptor {
    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    @Override
    public ApiResponse intercept(Chain chain) throws Exception {
        ApiRequest request = chain.request();
        if (request.method().equals("GET") || request.method().equals("HEAD")) {
            return chain.proceed(request);
        }
        ApiResponse response;
        try {
            response = chain.proceed(request);
        } catch (ApiException e) {
            log.record(request.principal(), request.source(), request.action(), request.path(),
                    e.status() + " " + e.code());
            throw e;
        } catch (Exception e) {
            log.record(request.principal(), request.source(), request.action(), request.path(),
                    "500 " + e.getClass().getSimpleName());
            throw e;
        }
        ApiResponse.Audit note = response.audit();
        String user = note.user().isEmpty() ? request.principal() : note.user();
        String object = note.object().isEmpty() ? request.path() : note.object();
        String result = response.status() + (note.outcome().isEmpty() ? "" : " " + note.outcome());
        log.record(user, request.source(), request.action(), object, result);
        return response;
    }
}
