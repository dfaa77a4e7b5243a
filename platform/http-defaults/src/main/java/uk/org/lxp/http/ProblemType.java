package uk.org.lxp.http;

/**
 * Every kind of failure the suite reports, with the one status it has in every service and at the gateway. A
 * client tells kinds apart by the problem's {@code type}, never by its text: three kinds share 422, for instance.
 * The table in docs/api-conventions.md is written from this list.
 */
public enum ProblemType {

    INVALID_REQUEST(400, "Invalid request", "A parameter, header or body is malformed or not valid; violations name each field"),
    UNAUTHORIZED(401, "Unauthorized", "No bearer token, or one that is expired, not yet valid, or not issued for this API"),
    FORBIDDEN(403, "Forbidden", "The token is valid but its role or its organisation, ICB or person scope does not allow this"),
    NOT_FOUND(404, "Not found", "Nothing exists at this path, or the resource it names does not exist"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "The path exists but not with this method; Allow lists the methods"),
    NOT_ACCEPTABLE(406, "Not acceptable", "The API cannot answer in any media type that Accept allows"),
    CONFLICT(409, "Conflict", "The change does not fit the resource's current state, e.g. it exists already or is retired"),
    PRECONDITION_FAILED(412, "Precondition failed", "If-Match names a version that is no longer current: read the resource again"),
    CONTENT_TOO_LARGE(413, "Content too large", "The request body is larger than the API accepts"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "The body is not of a media type the operation accepts (usually application/json)"),
    RULE_BROKEN(422, "Rule broken", "The request is well formed, but a rule of the domain refuses it; violations name the field where one is at fault"),
    UNKNOWN_REFERENCE(422, "Unknown reference", "A field of the request names something that does not exist (yet), e.g. an organisation or post"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused", "The Idempotency-Key was used before for a different request"),
    PRECONDITION_REQUIRED(428, "Precondition required", "Changing this resource needs If-Match with its current ETag"),
    TOO_MANY_REQUESTS(429, "Too many requests", "The client's rate limit is reached; Retry-After says when to try again"),
    INTERNAL_ERROR(500, "Internal error", "The service failed; the requestId identifies it in the service's log"),
    BAD_GATEWAY(502, "Bad gateway", "The service behind the gateway failed to answer properly"),
    SERVICE_UNAVAILABLE(503, "Service unavailable", "The service or its database is not available now; Retry-After may say when to try again"),
    GATEWAY_TIMEOUT(504, "Gateway timeout", "The service behind the gateway did not answer in time");

    private static final String BASE = "/problems/";

    private final int status;
    private final String title;
    private final String meaning;

    ProblemType(int status, String title, String meaning) {
        this.status = status;
        this.title = title;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** What the failure means and what a client does about it. */
    public String meaning() {
        return meaning;
    }

    /** The problem's {@code type}: a path under the gateway, where the kind is described. */
    public String uri() {
        return BASE + slug();
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The kind a bare status stands for, when nothing more specific is known (e.g. a status from the framework). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }
}
