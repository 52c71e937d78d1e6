package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void quotesCellsWithSeparatorsAndDefusesFormulas() {
        assertThat(CsvExport.cell("Chen, Alice")).isEqualTo("\"Chen, Alice\"");
        assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvExport.cell("+8613800138000")).isEqualTo("+8613800138000");
        assertThat(CsvExport.cell("陈爱丽")).isEqualTo("陈爱丽");
        assertThat(CsvExport.cell(null)).isEmpty();
    }
}
