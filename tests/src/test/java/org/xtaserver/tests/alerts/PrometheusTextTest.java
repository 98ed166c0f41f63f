package org.xtaserver.tests.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xtaserver.tests.alerts.PrometheusText.Sample;

class PrometheusTextTest {

	@Test
	void readsNamesLabelsAndValuesAndSkipsCommentsAndBlankLines() {
		List<Sample> samples = PrometheusText.parse("""
				# HELP xta_tenants Tenants in force
				# TYPE xta_tenants gauge
				xta_tenants 2.0

				hikaricp_connections{pool="xta-embedded"} 20.0
				cxf_server_requests_seconds_count{exception="None",operation="getStatusList",outcome="SUCCESS",} 17
				  # an indented comment
				job:up:sum 1e3
				""");

		assertThat(samples).containsExactly(new Sample("xta_tenants", Map.of(), 2.0),
				new Sample("hikaricp_connections", Map.of("pool", "xta-embedded"), 20.0),
				new Sample("cxf_server_requests_seconds_count",
						Map.of("exception", "None", "operation", "getStatusList", "outcome", "SUCCESS"), 17.0),
				new Sample("job:up:sum", Map.of(), 1000.0));
	}

	@Test
	void unescapesLabelValues() {
		Sample sample = PrometheusText.parse("m{path=\"C:\\\\tmp\",msg=\"say \\\"hi\\\"\\nbye\",brace=\"a}b,c=d\"} 1\n").get(0);

		assertThat(sample.labels()).containsEntry("path", "C:\\tmp")
			.containsEntry("msg", "say \"hi\"\nbye")
			.containsEntry("brace", "a}b,c=d")
			.hasSize(3);
	}

	@Test
	void readsSpecialValuesAndIgnoresTimestamps() {
		List<Sample> samples = PrometheusText.parse("""
				a NaN
				b +Inf
				c -Inf
				d{x="1"} -0.5 1700000000000
				e 3.5e-2
				""");

		assertThat(samples.get(0).value()).isNaN();
		assertThat(samples.get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(samples.get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(samples.get(3).value()).isEqualTo(-0.5);
		assertThat(samples.get(4).value()).isEqualTo(0.035);
	}

	@Test
	void refusesWhatIsNotTheFormatNamingTheLine() {
		assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{a=\"1\" 2\n")).hasMessageContaining("line 2");
		assertThatThrownBy(() -> PrometheusText.parse("m{a=\"unterminated} 1")).hasMessageContaining("unterminated");
		assertThatThrownBy(() -> PrometheusText.parse("m twelve")).hasMessageContaining("not a sample value");
		assertThatThrownBy(() -> PrometheusText.parse("m{a=\"1\",a=\"2\"} 1")).hasMessageContaining("label a twice");
		assertThatThrownBy(() -> PrometheusText.parse("m{a=\"\\x\"} 1")).hasMessageContaining("unknown escape");
		assertThatThrownBy(() -> PrometheusText.parse("m")).hasMessageContaining("metric name");
		assertThatThrownBy(() -> PrometheusText.parse("m 1 2 3")).hasMessageContaining("after the timestamp");
	}
}
