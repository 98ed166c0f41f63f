package org.xtaserver.tests.alerts;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The label set of a series, including the metric name as {@code __name__}, as Prometheus keeps
 * it: sorted by label name, no empty values (an empty label value means "no such label").
 */
record Labels(SortedMap<String, String> map) {

	static final String NAME = "__name__";

	static final Labels EMPTY = new Labels(new TreeMap<>());

	Labels {
		TreeMap<String, String> copy = new TreeMap<>();
		map.forEach((k, v) -> {
			if (v != null && !v.isEmpty()) {
				copy.put(k, v);
			}
		});
		map = Collections.unmodifiableSortedMap(copy);
	}

	static Labels of(String name, Map<String, String> labels) {
		TreeMap<String, String> all = new TreeMap<>(labels);
		all.put(NAME, name);
		return new Labels(all);
	}

	/** The value of a label, "" when absent (as PromQL matchers see it). */
	String get(String label) {
		return this.map.getOrDefault(label, "");
	}

	String name() {
		return get(NAME);
	}

	Labels with(String label, String value) {
		TreeMap<String, String> changed = new TreeMap<>(this.map);
		changed.put(label, value);
		return new Labels(changed);
	}

	Labels without(Collection<String> labels) {
		TreeMap<String, String> changed = new TreeMap<>(this.map);
		labels.forEach(changed::remove);
		return new Labels(changed);
	}

	Labels withoutName() {
		return without(List.of(NAME));
	}

	/** Only the given labels (a {@code by} clause or an {@code on} matching). */
	Labels only(Collection<String> labels) {
		TreeMap<String, String> kept = new TreeMap<>();
		labels.forEach((l) -> {
			if (this.map.containsKey(l)) {
				kept.put(l, this.map.get(l));
			}
		});
		return new Labels(kept);
	}

	/** Whether every given label has the given value here. */
	boolean contains(Map<String, String> expected) {
		return expected.entrySet().stream().allMatch((e) -> e.getValue().equals(get(e.getKey())));
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(get(NAME)).append('{');
		this.map.forEach((k, v) -> {
			if (!NAME.equals(k)) {
				text.append(text.charAt(text.length() - 1) == '{' ? "" : ",").append(k).append("=\"").append(v).append('"');
			}
		});
		return text.append('}').toString();
	}
}
