package org.reportplatform.content.openapi;

/** Examples for the OpenAPI description, with the demo report's values (2024, in French). */
public final class ApiExamples {

    /** The security scheme of every write: {@code Authorization: Bearer <token>}. */
    public static final String BEARER = "bearer";
    public static final String PROBLEM = "application/problem+json";
    public static final String JSON = "application/json";
    /** Parameter examples are read as JSON: these give the strings 2024 and "3" (an entity tag, quotes included). */
    public static final String EDITION = "\"2024\"";
    public static final String ETAG = "\"\\\"3\\\"\"";

    public static final String CHAPTER = """
            {
              "edition": "2024",
              "slug": "enfants",
              "title": "Enfants",
              "body": "Les enfants privés de liberté comptent parmi les personnes les plus exposées à la torture.\\n\\nAvec le réseau SOS-Torture, nous avons soutenu {{fig:sos-defenders.cases}} défenseur.e.s.\\n",
              "position": 9,
              "ownerTeam": "enfants",
              "language": "fr",
              "revision": 3,
              "updatedAt": "2025-03-14T09:30:12.345Z",
              "updatedBy": "enfants"
            }""";

    public static final String CHAPTER_WITH_WARNINGS = """
            {
              "edition": "2024",
              "slug": "enfants",
              "title": "Enfants",
              "body": "En 2024, {{fig:sos.x}} enfants ont été accompagnés.\\n",
              "position": 9,
              "ownerTeam": "enfants",
              "language": "fr",
              "revision": 4,
              "updatedAt": "2025-03-14T09:41:02.101Z",
              "updatedBy": "enfants",
              "warnings": [
                {"field": "body", "problem": "unknown indicator sos.x"}
              ]
            }""";

    public static final String CREATED = """
            {
              "edition": "2024",
              "slug": "enfants",
              "title": "Enfants",
              "body": "Les enfants privés de liberté comptent parmi les personnes les plus exposées à la torture.\\n",
              "position": 9,
              "ownerTeam": "enfants",
              "language": "fr",
              "revision": 1,
              "updatedAt": "2025-03-01T08:00:00.000Z",
              "updatedBy": "admin:demo-admin"
            }""";

    public static final String CHAPTER_AT_1 = CREATED;

    public static final String CHAPTER_LIST = """
            [
              {"edition": "2024", "slug": "message-presidente", "title": "Message de la Présidente", "body": "…", "position": 1,
               "ownerTeam": "message-presidente", "language": "fr", "revision": 1, "updatedAt": "2025-03-01T08:00:00.000Z",
               "updatedBy": "admin:demo-admin"},
              {"edition": "2024", "slug": "comite-contre-la-torture", "title": "Comité contre la torture", "body": "…",
               "position": 2, "ownerTeam": "comite-contre-la-torture", "language": "fr", "revision": 2,
               "updatedAt": "2025-03-02T10:15:00.000Z", "updatedBy": "comite-contre-la-torture"}
            ]""";

    public static final String UPDATE_REQUEST = """
            {
              "title": "Enfants",
              "body": "Les enfants privés de liberté comptent parmi les personnes les plus exposées à la torture.\\n\\nAvec le réseau SOS-Torture, nous avons soutenu {{fig:sos-defenders.cases}} défenseur.e.s.\\n"
            }""";

    public static final String CREATE_REQUEST = """
            {
              "title": "Enfants",
              "body": "Les enfants privés de liberté comptent parmi les personnes les plus exposées à la torture.\\n",
              "ownerTeam": "enfants",
              "position": 9,
              "language": "fr"
            }""";

    public static final String MOVE_REQUEST = """
            {"position": 1}""";

    public static final String MOVED = """
            {
              "edition": "2024",
              "slug": "enfants",
              "title": "Enfants",
              "body": "Les enfants privés de liberté comptent parmi les personnes les plus exposées à la torture.\\n",
              "position": 1,
              "ownerTeam": "enfants",
              "language": "fr",
              "revision": 4,
              "updatedAt": "2025-03-15T11:00:00.000Z",
              "updatedBy": "admin:demo-admin"
            }""";

    public static final String RESTORED = """
            {
              "edition": "2024",
              "slug": "enfants",
              "title": "Enfants",
              "body": "Les enfants privés de liberté comptent parmi les personnes les plus exposées à la torture.\\n",
              "position": 9,
              "ownerTeam": "enfants",
              "language": "fr",
              "revision": 5,
              "updatedAt": "2025-03-16T14:20:00.000Z",
              "updatedBy": "enfants"
            }""";

    public static final String REVISIONS = """
            [
              {"revision": 1, "updatedAt": "2025-03-01T08:00:00.000Z", "updatedBy": "admin:demo-admin",
               "changed": ["title", "body", "position", "ownerTeam", "language"], "deleted": false},
              {"revision": 2, "updatedAt": "2025-03-10T16:02:41.120Z", "updatedBy": "enfants", "changed": ["body"], "deleted": false},
              {"revision": 3, "updatedAt": "2025-03-12T09:00:00.000Z", "updatedBy": "admin:demo-admin",
               "changed": ["position"], "deleted": false}
            ]""";

    public static final String DIFF = """
            {
              "from": 1,
              "to": 3,
              "changed": ["body", "position"],
              "fromDeleted": false,
              "toDeleted": false,
              "diff": "--- body (revision 1)\\n+++ body (revision 3)\\n@@ -1,1 +1,3 @@\\n Les enfants privés de liberté comptent parmi les personnes les plus exposées à la torture.\\n+\\n+Avec le réseau SOS-Torture, nous avons soutenu {{fig:sos-defenders.cases}} défenseur.e.s.\\n"
            }""";

    public static final String PROBLEM_400 = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "2 fields are invalid",
             "instance": "/api/editions/2024/chapters/enfants",
             "errors": [{"field": "title", "problem": "is required and must not be blank"},
                        {"field": "body", "problem": "is 100001 characters long; the limit is 100000"}]}""";

    public static final String PROBLEM_400_POSITION = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "position: must be 1 or more",
             "instance": "/api/editions/2024/chapters/enfants/move", "errors": [{"field": "position", "problem": "must be 1 or more"}]}""";

    public static final String PROBLEM_400_RESTORE = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "revision: revision 4 deleted the chapter: it has no content to restore; restore a revision before it",
             "instance": "/api/editions/2024/chapters/enfants/revisions/4/restore",
             "errors": [{"field": "revision", "problem": "revision 4 deleted the chapter: it has no content to restore; restore a revision before it"}]}""";

    public static final String PROBLEM_401 = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "this request needs a token: send Authorization: Bearer <token>", "instance": "/api/editions/2024/chapters/enfants"}""";

    public static final String PROBLEM_403 = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "chapter enfants belongs to team enfants; your token may edit only your team's chapters",
             "instance": "/api/editions/2024/chapters/enfants"}""";

    public static final String PROBLEM_403_ORDER = """
            {"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "only an admin changes the order of the report",
             "instance": "/api/editions/2024/chapters/enfants/move"}""";

    public static final String PROBLEM_403_DELETE = """
            {"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "only an admin removes a chapter from the report",
             "instance": "/api/editions/2024/chapters/enfants"}""";

    public static final String PROBLEM_404 = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no chapter enfants in edition 2024",
             "instance": "/api/editions/2024/chapters/enfants"}""";

    public static final String PROBLEM_404_REVISION = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "chapter enfants has no revision 9; its revisions are 1 to 3",
             "instance": "/api/editions/2024/chapters/enfants/revisions/9"}""";

    public static final String PROBLEM_410 = """
            {"type": "about:blank", "title": "Gone", "status": 410,
             "detail": "revision 4 of chapter enfants deleted it: it has no content; revision 3 is the content before",
             "instance": "/api/editions/2024/chapters/enfants/revisions/4"}""";

    public static final String PROBLEM_412 = """
            {"type": "about:blank", "title": "Precondition Failed", "status": 412,
             "detail": "precondition failed: revision 2 is not the current one: it is now at revision 3; reload it, apply your change again and send If-Match: \\"3\\"",
             "instance": "/api/editions/2024/chapters/enfants", "currentRevision": 3}""";

    public static final String PROBLEM_428 = """
            {"type": "about:blank", "title": "Precondition Required", "status": 428,
             "detail": "send If-Match: \\"3\\" (the revision you edited) to change this resource",
             "instance": "/api/editions/2024/chapters/enfants",
             "errors": [{"field": "If-Match", "problem": "required to change an existing resource"}], "currentRevision": 3}""";

    public static final String PROBLEM_503 = """
            {"type": "about:blank", "title": "Service Unavailable", "status": 503,
             "detail": "the change was not saved: the event log (Kafka) is unavailable; try again shortly",
             "instance": "/api/editions/2024/chapters/enfants"}""";

    public static final String PROBLEM_503_READ = """
            {"type": "about:blank", "title": "Service Unavailable", "status": 503,
             "detail": "an older revision is read back from the event log (Kafka), which did not answer in time; nothing was changed, try again shortly",
             "instance": "/api/editions/2024/chapters/enfants/revisions/1"}""";

    private ApiExamples() {
    }
}
