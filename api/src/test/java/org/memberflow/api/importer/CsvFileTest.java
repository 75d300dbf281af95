package org.memberflow.api.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading import files: the header, and the physical line each row starts on. */
class CsvFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("members.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private List<CsvRow> rows(String text) throws Exception {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvFile file = CsvFile.open(write(text), MemberRows.COLUMNS, MemberRows.REQUIRED)) {
            file.forEach(rows::add);
        }
        return rows;
    }

    @Test
    void shouldNumberRowsByThePhysicalLineTheyStartOnPastQuotedLineBreaksAndBlankLines() throws Exception {
        List<CsvRow> rows = rows("member_id,registered_at,tags\r\n"
                + "m-1,2024-01-01,\"老客|\r\n咖啡\r\n|周末\"\r\n"
                + "\r\n"
                + "m-2,2024-01-02,a\n"
                + "\"m-3\",\"2024-01-03\",\"\"\"quoted\"\"\"");

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 6L, 7L);
        assertThat(rows.get(0).get("tags")).isEqualTo("老客|\r\n咖啡\r\n|周末");
        assertThat(rows.get(2).get("tags")).isEqualTo("\"quoted\"");
        assertThat(rows).allSatisfy(r -> assertThat(r.problem()).isNull());
    }

    @Test
    void shouldReadColumnsByNameInAnyOrderAfterAByteOrderMarkTrimmingValuesAndBlanksAsAbsent() throws Exception {
        List<CsvRow> rows = rows("\uFEFFRegistered_At, member_id ,tier\n 2024-01-01 ,m-1,  \n");

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("member_id")).isEqualTo("m-1");
            assertThat(r.get("registered_at")).isEqualTo("2024-01-01");
            assertThat(r.get("tier")).isNull();
            assertThat(r.raw()).containsExactly(" 2024-01-01 ", "m-1", "  ");
        });
    }

    @Test
    void shouldFlagARowWithTheWrongNumberOfFieldsButForgiveEmptyCellsAfterTheLast() throws Exception {
        List<CsvRow> rows = rows("member_id,registered_at\nm-1,2024-01-01,,\nm-2\nm-3,2024-01-01,x\n");

        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(1).problem()).isEqualTo("has 1 field(s), the header 2");
        assertThat(rows.get(2).problem()).isEqualTo("has 3 field(s), the header 2");
    }

    @Test
    void shouldRefuseUnknownMissingAndTwiceNamedColumnsNamingThem() throws Exception {
        assertThatThrownBy(() -> rows("member_id,registered_at,mobile,level\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown column(s) mobile, level; the columns are member_id, registered_at, birthday");
        assertThatThrownBy(() -> rows("member_id,tier\n")).isInstanceOf(BadInputException.class)
                .hasMessage("members.csv: the header lacks the required column(s) registered_at");
        assertThatThrownBy(() -> rows("member_id,registered_at,Member_ID\n")).isInstanceOf(BadInputException.class)
                .hasMessage("members.csv: the column member_id is named twice in the header");
        assertThatThrownBy(() -> rows("")).isInstanceOf(BadInputException.class).hasMessageContaining("is empty");
    }

    @Test
    void shouldNameTheLineWhereBrokenQuotingStarts() throws Exception {
        assertThatThrownBy(() -> rows("member_id,registered_at\nm-1,2024-01-01\nm-2,\"2024-01-02\nm-3,2024-01-03\n"))
                .isInstanceOf(CsvFile.MalformedCsvException.class)
                .hasMessageStartingWith("members.csv: from line 3, the CSV cannot be read");
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8NamingTheLine() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "member_id,registered_at,tags\nm-1,2024-01-01,老客\n".getBytes("GBK"));

        assertThatThrownBy(() -> FileFingerprint.of(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("gbk.csv: line 2 is not UTF-8 text");
    }
}
