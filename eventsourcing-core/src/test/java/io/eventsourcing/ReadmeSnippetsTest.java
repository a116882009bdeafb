package io.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's code true: every Java block in README.md is a tagged region of a source file that
 * the test suite compiles and runs, and must equal it. A block is preceded by
 * {@code <!-- snippet: path/to/File.java#tag -->} (or a path alone for a whole file), and the region lies
 * between {@code // tag::tag[]} and {@code // end::tag[]} lines (or {@code # tag::tag[]} in YAML).
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- snippet: (\\S+?) -->\\s*\\n)?```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    record Snippet(String source, String language, String code) {
    }

    @Test
    void everyJavaBlockIsATestedSourceRegion() throws IOException {
        List<Snippet> snippets = snippets();

        assertThat(snippets).filteredOn(snippet -> snippet.language().equals("java"))
                .isNotEmpty()
                .allSatisfy(snippet -> assertThat(snippet.source())
                        .as("source marker of the Java block starting %s", firstLine(snippet.code()))
                        .isNotNull());
        for (Snippet snippet : snippets) {
            if (snippet.source() != null) {
                assertThat(snippet.code()).as("README block from %s", snippet.source())
                        .isEqualTo(region(snippet.source()));
            }
        }
    }

    private static List<Snippet> snippets() throws IOException {
        Matcher matcher = BLOCK.matcher(Files.readString(ROOT.resolve("README.md")));
        List<Snippet> snippets = new ArrayList<>();
        while (matcher.find()) {
            snippets.add(new Snippet(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return snippets;
    }

    private static String region(String source) throws IOException {
        String[] pathAndTag = source.split("#", 2);
        List<String> lines = Files.readAllLines(ROOT.resolve(pathAndTag[0]));
        if (pathAndTag.length == 1) {
            return String.join("\n", lines) + "\n";
        }
        String tag = pathAndTag[1];
        int start = indexOfMarker(lines, "tag::" + tag + "[]", source);
        int end = indexOfMarker(lines, "end::" + tag + "[]", source);
        return dedent(lines.subList(start + 1, end));
    }

    private static int indexOfMarker(List<String> lines, String marker, String source) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("// " + marker) || line.equals("# " + marker)) {
                return i;
            }
        }
        throw new AssertionError("No line '// " + marker + "' in " + source);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder code = new StringBuilder();
        for (String line : lines) {
            code.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return code.toString();
    }

    private static String firstLine(String code) {
        return code.lines().findFirst().orElse("");
    }
}
