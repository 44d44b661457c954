package pacer.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseCatalogTest {
    private static final String HEADER = "case,tier,group,description,extra_args,features";

    @Test
    @DisplayName("quoted fields may hold commas; features split on ;")
    void readsRows() {
        List<ConformanceCase> cases = CaseCatalog.parse(List.of(HEADER,
                "simple1,T1,basics (simple*),Offline,,fencing-disabled;primitive",
                "date-1,T3,\"dates (-t), probes, standby\",Dates,-t 2005-020,date-expression",
                ""), "cases.csv");
        assertThat(cases).hasSize(2);
        assertThat(cases.get(0).features()).containsExactly("fencing-disabled", "primitive");
        assertThat(cases.get(1).group()).isEqualTo("dates (-t), probes, standby");
        assertThat(cases.get(1).date()).contains(Instant.parse("2005-01-20T00:00:00Z"));
        assertThat(cases.get(0).date()).isEmpty();
    }

    @Test
    @DisplayName("a wrong header or row names the file and line")
    void refusesBadInput() {
        assertThatThrownBy(() -> CaseCatalog.parse(List.of("name,tier"), "x.csv")).hasMessageContaining("x.csv:1:");
        assertThatThrownBy(() -> CaseCatalog.parse(List.of(HEADER, "a,T1,g,d,,f", "b,T1"), "x.csv"))
                .hasMessageContaining("x.csv:3:");
        assertThatThrownBy(() -> CaseCatalog.parse(List.of(HEADER, "a,T1,\"g,d,,f"), "x.csv"))
                .hasMessageContaining("x.csv:2:").hasMessageContaining("quoted");
    }

    @Test
    @DisplayName("extra_args: -t DATE (a date may hold a space); anything else is refused")
    void extraArgs() {
        assertThat(kase("-t 2014-05-07 00:28:00").date()).contains(Instant.parse("2014-05-07T00:28:00Z"));
        assertThat(kase("--date=2010-01-01").date()).contains(Instant.parse("2010-01-01T00:00:00Z"));
        assertThatThrownBy(() -> kase("-s").date()).hasMessageContaining("unsupported extra_args");
    }

    @Test
    @DisplayName("CSV: doubled quotes inside quotes are one quote")
    void csvQuotes() {
        assertThat(CsvRecord.split("a,\"say \"\"hi\"\"\",,b")).containsExactly("a", "say \"hi\"", "", "b");
    }

    private static ConformanceCase kase(String extraArgs) {
        return new ConformanceCase("c", "T1", "g", "d", extraArgs, List.of());
    }
}
