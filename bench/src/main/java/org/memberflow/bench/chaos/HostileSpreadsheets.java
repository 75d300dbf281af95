package org.memberflow.bench.chaos;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Spreadsheets built to hurt their reader: a zip bomb, external entities, a billion laughs and
 * 100,000 rows. The same ones as the rules module's HostileSpreadsheetTest builds for the checker
 * alone; here they go through the server's API.
 */
final class HostileSpreadsheets {
    private static final String SST = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private HostileSpreadsheets() {
    }

    static List<RuleFileSample> all() {
        return List.of(
                new RuleFileSample("bomb.drl.xlsx", zipBomb(), "cannot be read"),
                new RuleFileSample("xxe.drl.xlsx", replacePart(workbook(3), "xl/sharedStrings.xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                                + "<sst xmlns=\"" + SST + "\" count=\"1\" uniqueCount=\"1\"><si><t>&xxe;</t></si></sst>"),
                        "cannot be read"),
                new RuleFileSample("laughs.drl.xlsx", replacePart(workbook(3), "xl/sharedStrings.xml", billionLaughs()),
                        "cannot be read"),
                new RuleFileSample("long.drl.xlsx", workbook(100_000), "at most 10000 rows"));
    }

    /** 200 MiB of zeros that deflate to about 200 KiB, as a worksheet. */
    private static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE sst [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return "<?xml version=\"1.0\"?>" + dtd + "]><sst xmlns=\"" + SST + "\"><si><t>&lol9;</t></si></sst>";
    }

    static byte[] workbook(int rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("rules");
            for (int r = 0; r < rows; r++) {
                sheet.createRow(r).createCell(0).setCellValue("row " + r);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with one part's XML replaced (added when missing). */
    private static byte[] replacePart(byte[] xlsx, String part, String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean replaced = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    zip.write(xml.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    zip.write(in.readAllBytes());
                }
            }
            if (!replaced) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write(xml.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
