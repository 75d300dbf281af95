package org.memberflow.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.memberflow.rules.session.RuleFile;

/**
 * A spreadsheet decision table of any size, as a marketer would write one: a birthday gift by
 * tier and days before the birthday, one row per (tier, days) with its coupon template.
 */
final class DecisionTables {
    private static final String[] TIERS = {"silver", "gold", "platinum", "diamond", "black"};

    private DecisionTables() {
    }

    static RuleFile birthdayGifts(int rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("birthday");
            row(sheet, 0, "RuleSet", "org.memberflow.bench.dtable");
            row(sheet, 1, "Import", "org.memberflow.rules.fact.MemberView");
            row(sheet, 2, "Variables", "org.memberflow.rules.decision.Decisions decisions");
            row(sheet, 4, "RuleTable birthday gift by tier");
            row(sheet, 5, "CONDITION", "CONDITION", "ACTION");
            row(sheet, 6, "$m : MemberView", ""); // the merged cell must exist for the parser to see the merge
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 0, 1)); // both conditions constrain one MemberView
            row(sheet, 7, "tier == \"$param\"", "daysUntilBirthday == $param",
                    "decisions.issueCoupon(\"birthday\", \"\" + $m.getNextBirthday().getYear(), \"$param\");");
            row(sheet, 8, "Tier", "Days before the birthday", "Coupon template");
            for (int i = 0; i < rows; i++) {
                String tier = i < TIERS.length * 8 ? TIERS[i % TIERS.length] : "tier-" + i / 8;
                row(sheet, 9 + i, tier, Integer.toString(i % 8), "BIRTHDAY_" + i);
            }
            book.write(out);
            return new RuleFile("birthday-" + rows + ".drl.xlsx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }
}
