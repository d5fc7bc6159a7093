// The Java oracle of `cargo xtask patterns`: what Smithy's own tooling says about a `@pattern`.
//
// smithy-model compiles a pattern with `java.util.regex.Pattern.compile(pattern)` (no flags) and
// validates a value with `pattern.matcher(value).find()`, an unanchored search
// (`PatternTrait`, `PatternTraitPlugin`). This program does the same for each probe.
//
// Input (stdin), JSON Lines: {"pattern": "...", "probes": ["...", ...]}
// Output (stdout), one line per input line, in order:
//   {"pattern": "...", "compiles": true, "find": "0110..."}       one digit per probe
//   {"pattern": "...", "compiles": false, "error": "..."}
//
// Build and run: javac -d OUT PatternOracle.java && java -cp OUT PatternOracle < in.jsonl
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class PatternOracle {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> item = new Json(line).object();
            String source = (String) item.get("pattern");
            @SuppressWarnings("unchecked")
            List<Object> probes = (List<Object>) item.getOrDefault("probes", List.of());
            StringBuilder o = new StringBuilder("{\"pattern\":").append(Json.quote(source));
            Pattern pattern;
            try {
                pattern = Pattern.compile(source);
            } catch (PatternSyntaxException e) {
                String message = e.getDescription() + " near index " + e.getIndex();
                out.println(o.append(",\"compiles\":false,\"error\":").append(Json.quote(message)).append('}'));
                continue;
            }
            StringBuilder find = new StringBuilder();
            for (Object probe : probes) {
                find.append(pattern.matcher((String) probe).find() ? '1' : '0');
            }
            out.println(o.append(",\"compiles\":true,\"find\":\"").append(find).append("\"}"));
        }
        out.flush();
    }

    /** A JSON reader for the input lines: objects, arrays and strings (with `\\u` escapes). */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        private Object value() {
            skip();
            switch (s.charAt(i)) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                default: throw new IllegalArgumentException("unexpected " + s.charAt(i) + " at " + i);
            }
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            skip();
            expect('{');
            skip();
            if (s.charAt(i) == '}') { i++; return m; }
            while (true) {
                skip();
                String k = string();
                skip();
                expect(':');
                m.put(k, value());
                skip();
                if (s.charAt(i) == ',') { i++; continue; }
                expect('}');
                return m;
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            skip();
            if (s.charAt(i) == ']') { i++; return l; }
            while (true) {
                l.add(value());
                skip();
                if (s.charAt(i) == ',') { i++; continue; }
                expect(']');
                return l;
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': b.append('\n'); break;
                    case 't': b.append('\t'); break;
                    case 'r': b.append('\r'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                    default: b.append(e);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected " + c + " at " + i);
            i++;
        }

        static String quote(String v) {
            StringBuilder b = new StringBuilder("\"");
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '"' || c == '\\') b.append('\\').append(c);
                else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                else b.append(c);
            }
            return b.append('"').toString();
        }
    }
}
