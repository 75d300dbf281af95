package org.memberflow.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.rules.session.CompileError;
import org.memberflow.rules.session.RuleFile;

/**
 * Spreadsheets and files built to hurt the reader: each is refused by the checker with a reason,
 * within its limits, and nothing else breaks. Built here rather than kept as binaries.
 */
class HostileSpreadsheetTest {
    private final RuleSetChecker checker = new RuleSetChecker();

    @Test
    void shouldRefuseAZipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) { // 200 MiB that deflate to about 200 KiB
                zip.write(zeros);
            }
        }
        assertRefused(new RuleFile("bomb.drl.xlsx", out.toByteArray()), "cannot be read");
    }

    @Test
    void shouldRefuseExternalEntities(@TempDir java.nio.file.Path dir) throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\">"
                + "<si><t>&xxe;</t></si></sst>";
        assertRefused(new RuleFile("xxe.drl.xlsx", replacePart(validWorkbook(3), "xl/sharedStrings.xml", xxe)),
                "cannot be read");
    }

    @Test
    void shouldRefuseABillionLaughs() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE sst [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String laughs = "<?xml version=\"1.0\"?>" + dtd + "]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol9;</t></si></sst>";
        assertRefused(new RuleFile("laughs.drl.xlsx", replacePart(validWorkbook(3), "xl/sharedStrings.xml", laughs)),
                "cannot be read");
    }

    @Test
    void shouldRefuseTooManyRows() throws IOException {
        assertRefused(new RuleFile("long.drl.xlsx", validWorkbook(100_000)), "at most 10000 rows; this one has more");
        String csv = "RuleSet,long\n" + "x,1\n".repeat(10_001);
        assertRefused(new RuleFile("long.drl.csv", csv.getBytes(StandardCharsets.UTF_8)), "at most 10000 rows");
    }

    @Test
    void shouldCountTheRowsBeforeBuildingTheWorkbook() throws IOException {
        // Not a workbook POI could open (no workbook part): refused for its rows, so they were
        // counted by streaming, before POI would have built 20,000 rows in memory.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"/>".repeat(20_000) + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(new RuleFile("rows.drl.xlsx", out.toByteArray()), "at most 10000 rows; this one has more");
    }

    @Test
    void shouldRefuseABigFile() {
        assertRefused(new RuleFile("big.drl.xlsx", new byte[DecisionTables.MAX_BYTES + 1]), "at most 5 MiB");
        assertRefused(new RuleFile("big.drl", new byte[RuleSetChecker.MAX_DRL_BYTES + 1]), "at most 1024 KiB");
    }

    /** The chaos fuzz found refusals that read "cannot be read: org.apache.xmlbeans.XmlException: ...". */
    @Test
    void shouldNameNoClassOfTheServerInARefusal() throws IOException {
        byte[] broken = replacePart(validWorkbook(3), "xl/workbook.xml", "<workbook><sheets><sheet");
        RuleSetChecker.Checked checked = checker.check(List.of(new RuleFile("broken.drl.xlsx", broken)));

        assertThat(checked.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.message()).contains("cannot be read");
            assertThat(e.message()).doesNotContainPattern("[a-z]+\\.[a-z.]+\\.[A-Z]\\w*(Exception|Error)");
        });
    }

    @Test
    void shouldRefuseWhatIsNotASpreadsheet() {
        assertRefused(new RuleFile("text.drl.xlsx", "rule \"x\" when then end".getBytes(StandardCharsets.UTF_8)),
                "cannot be read");
    }

    @Test
    void shouldRefuseBadNamesAndEncodings() {
        assertRefused(new RuleFile("Evil.java", "class Evil {}".getBytes(StandardCharsets.UTF_8)), "not a rule file");
        assertRefused(new RuleFile("../../etc/cron.d/x.drl", "x".getBytes(StandardCharsets.UTF_8)), "a file name is");
        assertRefused(new RuleFile("latin1.drl", new byte[] {'r', 'u', 'l', 'e', ' ', (byte) 0xE9, (byte) 0xFF}),
                "must be UTF-8");
    }

    @Test
    void shouldReportEveryProblemOfEveryFile() {
        RuleSetChecker.Checked checked = checker.check(List.of(
                new RuleFile("a.java", new byte[0]),
                new RuleFile("b.drl.xlsx", new byte[] {1, 2, 3}),
                new RuleFile("c.drl", """
                        package c
                        import java.io.File
                        global org.memberflow.rules.decision.Decisions decisions
                        rule "two wrongs"
                        when
                            org.memberflow.rules.fact.MemberEvent()
                        then
                            System.exit(1);
                            Runtime.getRuntime().halt(1);
                        end
                        """.getBytes(StandardCharsets.UTF_8))));

        assertThat(checked.errors()).extracting(CompileError::file).containsOnly("a.java", "b.drl.xlsx", "c.drl");
        // the import, System, Runtime and its halt
        assertThat(checked.errors()).filteredOn(e -> e.file().equals("c.drl")).extracting(CompileError::line)
                .containsExactlyInAnyOrder(2, 8, 9, 9);
    }

    private void assertRefused(RuleFile file, String reason) {
        RuleSetChecker.Checked checked = checker.check(List.of(file));
        assertThat(checked.ok()).as("%s must be refused", file.path()).isFalse();
        assertThat(checked.errors()).as(checked.errors().toString())
                .anySatisfy(e -> {
                    assertThat(e.file()).isEqualTo(file.path());
                    assertThat(e.message()).contains(reason);
                });
    }

    private static byte[] validWorkbook(int rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("rules");
            for (int r = 0; r < rows; r++) {
                sheet.createRow(r).createCell(0).setCellValue("row " + r);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with one part's XML replaced (added when missing). */
    private static byte[] replacePart(byte[] xlsx, String part, String xml) throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("wb", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, xlsx);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(tmp.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
                boolean replaced = false;
                for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    if (entry.getName().equals(part)) {
                        zip.write(xml.getBytes(StandardCharsets.UTF_8));
                        replaced = true;
                    } else {
                        zip.write(in.getInputStream(entry).readAllBytes());
                    }
                }
                if (!replaced) {
                    zip.putNextEntry(new ZipEntry(part));
                    zip.write(xml.getBytes(StandardCharsets.UTF_8));
                }
            }
            return out.toByteArray();
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }
}
