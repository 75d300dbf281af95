package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.Today;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.memberflow.segments.MemberCalendar;

/** What a marketer's edit of birthday.drl.xlsx in a spreadsheet program does, as rules/README.md tells it. */
class BirthdayTableEditingTest {
    private static final String TABLE = "org/memberflow/rules/builtin/birthday.drl.xlsx";
    /** Spreadsheet row 17 (index 16) is gold's; column F (index 5) its value, D (3) its days. */
    private static final int GOLD = 16;

    private static byte[] edited(Consumer<Sheet> edit) throws IOException {
        RuleFile table = BuiltInRuleSet.files().stream().filter(f -> f.path().equals(TABLE)).findFirst().orElseThrow();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(table.content()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(book.getSheetAt(0));
            book.write(out);
            return out.toByteArray();
        }
    }

    private static RuleRunner compile(byte[] table) throws RuleSetRejectedException {
        return new RuleRunner(new RuleSetCompiler().compile("edited", "1", List.of(new RuleFile(TABLE, table))), 100);
    }

    private static List<Decision> giftsForGold(RuleRunner rules, LocalDate today) {
        LocalDate birthday = LocalDate.of(1990, 5, 20);
        MemberView gold = BuiltIns.member("m-1").tier("gold")
                .birthday(birthday, MemberCalendar.nextBirthday(birthday, today), MemberCalendar.daysUntilBirthday(birthday, today))
                .build();
        return rules.evaluate(List.of(new Today(today), gold)).decisions();
    }

    @Test
    void shouldGiveTheValueAndDaysAMarketerTypedIntoTheGoldRow() throws Exception {
        RuleRunner rules = compile(edited(sheet -> {
            Row gold = sheet.getRow(GOLD);
            assertThat(gold.getCell(1).getStringCellValue()).isEqualTo("gold");
            gold.getCell(3).setCellValue(14);
            gold.getCell(5).setCellValue(60);
        }));

        assertThat(giftsForGold(rules, LocalDate.of(2026, 5, 6))).singleElement().satisfies(d -> {
            assertThat(d.params()).isEqualTo(Map.of("couponTemplate", "BIRTHDAY_GOLD", "couponValue", "60.00"));
            assertThat(d.rule()).isEqualTo("birthday gift by tier_17");
        });
        assertThat(giftsForGold(rules, LocalDate.of(2026, 5, 5))).isEmpty();
    }

    @Test
    void shouldRefuseAValueInACurrencyFormatNamingItsRow() throws Exception {
        byte[] table = edited(sheet -> {
            CellStyle yuan = sheet.getWorkbook().createCellStyle();
            yuan.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("\"¥\"#,##0.00"));
            sheet.getRow(GOLD).getCell(5).setCellStyle(yuan);
        });

        assertThatThrownBy(() -> compile(table)).isInstanceOfSatisfying(RuleSetRejectedException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.file()).isEqualTo(TABLE);
                    assertThat(err.line()).as("the spreadsheet row of gold").isEqualTo(GOLD + 1);
                    assertThat(err.message()).contains("birthday gift by tier_17").contains("plain decimal literal");
                }));
    }
}
