package dev.assist.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.eval.Metric;
import org.junit.jupiter.api.Test;

class GateTest {
    @Test
    void gatesParseFromTheCommandLineForm() {
        var gates = Gate.parseAll("ndcg@10>=0.60, handoff_f1>=0.8,p95<=500~50");
        assertThat(gates).extracting(Gate::metric).containsExactly(Metric.NDCG_10, Metric.HANDOFF_F1, Metric.LATENCY_P95);
        assertThat(gates.get(2).tolerance()).isEqualTo(50);
    }

    @Test
    void aValueWithinTheToleranceIsOkishAndBeyondItFails() {
        Gate gate = Gate.parse("ndcg@10>=0.60~0.02");
        assertThat(gate.check("a", 0.61).status()).isEqualTo("OK");
        assertThat(gate.check("a", 0.59).status()).isEqualTo("OKISH");
        assertThat(gate.check("a", 0.57).status()).isEqualTo("FAIL");
        assertThat(gate.check("a", null).status()).isEqualTo("FAIL");
        assertThat(gate.check("a", null).message()).contains("not measured");
        assertThat(Gate.parse("latency_p50_ms<100").check("a", 120.0).failed()).isTrue();
    }

    @Test
    void badGatesSayWhatIsExpected() {
        assertThatThrownBy(() -> Gate.parse("ndcg@10 = 0.6")).hasMessageContaining("ndcg@10>=0.60");
        assertThatThrownBy(() -> Gate.parse("bleu>=0.3")).hasMessageContaining("unknown metric 'bleu'").hasMessageContaining("ndcg@10");
    }
}
