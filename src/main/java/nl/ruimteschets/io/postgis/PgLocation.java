package nl.ruimteschets.io.postgis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;

/**
 * Where a project lives in PostgreSQL: {@code postgresql://[user@]host[:port]/database?schema=NAME}
 * with optional {@code sslmode}, {@code sslrootcert}, {@code connect_timeout} and {@code application_name}.
 * A password in the URL is refused (it would end up in the recent list and in logs): it comes from
 * {@code PGPASSWORD}, {@code ~/.pgpass} or a prompt. Immutable.
 */
public record PgLocation(String host, int port, String database, String schema, String user,
                         Map<String, String> options) {
    public static final String SCHEME = "postgresql://";
    private static final Set<String> PASSED_ON = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout",
            "application_name");

    public PgLocation {
        options = Map.copyOf(options);
    }

    /** Whether the text names a database project rather than a file. */
    public static boolean isUrl(String location) {
        return location != null && (location.startsWith(SCHEME) || location.startsWith("postgres://"));
    }

    public static PgLocation parse(String url) throws InputException {
        String shown = url.replaceAll("//[^@/]*:[^@/]*@", "//…@"); // never echo a password
        URI uri;
        try {
            uri = new URI(url.startsWith("postgres://") ? "postgresql://" + url.substring("postgres://".length()) : url);
        } catch (URISyntaxException e) {
            throw new InputException(new UserMessage("pg.url.invalid", shown), e);
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new InputException(new UserMessage("pg.url.invalid", shown));
        }
        String user = null;
        if (uri.getRawUserInfo() != null) {
            if (uri.getRawUserInfo().contains(":")) throw new InputException(new UserMessage("pg.url.password", shown));
            user = decode(uri.getRawUserInfo());
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) query.put(decode(kv.substring(0, eq)), decode(kv.substring(eq + 1)));
            }
        }
        if (query.containsKey("password")) throw new InputException(new UserMessage("pg.url.password", shown));
        String schema = query.remove("schema");
        if (schema == null || schema.isBlank()) throw new InputException(new UserMessage("pg.url.schema", shown));
        Map<String, String> options = new LinkedHashMap<>();
        query.forEach((k, v) -> { if (PASSED_ON.contains(k)) options.put(k, v); });
        return new PgLocation(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), decode(uri.getRawPath().substring(1)),
                schema, user, options);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The JDBC URL (without user or password; those travel as properties). */
    public String jdbcUrl() {
        StringBuilder b = new StringBuilder("jdbc:postgresql://").append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(port).append('/').append(enc(database));
        char sep = '?';
        for (Map.Entry<String, String> e : options.entrySet()) {
            b.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The same database with another schema (another project). */
    public PgLocation withSchema(String newSchema) {
        return new PgLocation(host, port, database, newSchema, user, options);
    }

    /** The URL as the planner typed it, minus any secret: safe for titles, the recent list and logs. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(SCHEME);
        if (user != null) b.append(enc(user)).append('@');
        b.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(enc(database))
                .append("?schema=").append(enc(schema));
        options.forEach((k, v) -> b.append('&').append(enc(k)).append('=').append(enc(v)));
        return b.toString();
    }
}
