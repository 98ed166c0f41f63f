package org.xtaserver.tests.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A grouped bar chart as PNG, drawn with java.awt (headless): side by side panels, each with its
 * own linear y axis (figures of different magnitude stay readable without a log scale), one
 * group of bars per category, one bar per series, the value written on every bar.
 *
 * @param title above everything
 * @param xLabel under the panels
 * @param yLabel beside every panel's y axis
 * @param series names of the series, in bar order (the legend)
 * @param panels the panels, left to right
 */
record BarChart(String title, String xLabel, String yLabel, List<String> series, List<Panel> panels) {

	private static final Color[] COLORS = { new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
			new Color(0xD62728) };

	private static final int PANEL_WIDTH = 520;

	private static final int HEIGHT = 590;

	private static final int LEFT = 90;

	private static final int TOP = 115;

	private static final int BOTTOM = 90;

	private static final int GAP = 40;

	/**
	 * One panel.
	 *
	 * @param title above the panel
	 * @param categories the groups along the x axis
	 * @param values {@code values.get(s)[c]}: series {@code s} in category {@code c}; NaN draws no bar
	 */
	record Panel(String title, List<String> categories, List<double[]> values) {
	}

	BarChart {
		series = List.copyOf(series);
		panels = List.copyOf(panels);
		if (series.size() > COLORS.length) {
			throw new IllegalArgumentException("at most " + COLORS.length + " series");
		}
	}

	/** Draws the chart into {@code file}. */
	void writePng(Path file) {
		int width = this.panels.size() * (LEFT + PANEL_WIDTH) + GAP;
		BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, HEIGHT);
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
			centered(g, this.title, width / 2, 32);
			legend(g, width);
			for (int p = 0; p < this.panels.size(); p++) {
				panel(g, this.panels.get(p), p * (LEFT + PANEL_WIDTH) + LEFT);
			}
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
			centered(g, this.xLabel, width / 2, HEIGHT - 18);
		}
		finally {
			g.dispose();
		}
		try {
			if (!ImageIO.write(image, "png", file.toFile())) {
				throw new IllegalStateException("no PNG writer available");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private void legend(Graphics2D g, int width) {
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		FontMetrics metrics = g.getFontMetrics();
		int x = width - GAP;
		for (int s = this.series.size() - 1; s >= 0; s--) {
			x -= metrics.stringWidth(this.series.get(s));
			g.setColor(Color.BLACK);
			g.drawString(this.series.get(s), x, 60);
			x -= 22;
			g.setColor(COLORS[s]);
			g.fillRect(x, 48, 14, 14);
			x -= 24;
		}
	}

	private void panel(Graphics2D g, Panel panel, int left) {
		int plotTop = TOP;
		int plotBottom = HEIGHT - BOTTOM;
		int plotHeight = plotBottom - plotTop;
		double max = panel.values().stream()
			.flatMapToDouble(java.util.Arrays::stream)
			.filter((v) -> !Double.isNaN(v))
			.max()
			.orElse(1);
		double step = niceStep(Math.max(max, 1e-9) / 5);
		double top = Math.ceil(max * 1.12 / step) * step;

		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
		g.setColor(Color.BLACK);
		centered(g, panel.title(), left + PANEL_WIDTH / 2, plotTop - 16);

		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		FontMetrics metrics = g.getFontMetrics();
		for (double tick = 0; tick <= top + step / 2; tick += step) {
			int y = plotBottom - (int) Math.round(tick / top * plotHeight);
			g.setColor(new Color(0xE0E0E0));
			g.drawLine(left, y, left + PANEL_WIDTH, y);
			g.setColor(Color.BLACK);
			String label = format(tick);
			g.drawString(label, left - 8 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
		}
		g.setStroke(new BasicStroke(1.5f));
		g.drawLine(left, plotTop, left, plotBottom);
		g.drawLine(left, plotBottom, left + PANEL_WIDTH, plotBottom);

		AffineTransform saved = g.getTransform();
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		g.rotate(-Math.PI / 2);
		centered(g, this.yLabel, -(plotTop + plotHeight / 2), left - 62);
		g.setTransform(saved);

		int categories = panel.categories().size();
		int groupWidth = PANEL_WIDTH / Math.max(1, categories);
		int barWidth = (int) (groupWidth * 0.7 / this.series.size());
		for (int c = 0; c < categories; c++) {
			int groupLeft = left + c * groupWidth + (groupWidth - barWidth * this.series.size()) / 2;
			for (int s = 0; s < this.series.size(); s++) {
				double value = panel.values().get(s)[c];
				if (Double.isNaN(value)) {
					continue;
				}
				int barHeight = (int) Math.round(value / top * plotHeight);
				int x = groupLeft + s * barWidth;
				g.setColor(COLORS[s]);
				g.fillRect(x, plotBottom - barHeight, barWidth - 2, barHeight);
				g.setColor(Color.BLACK);
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
				centered(g, format(value), x + barWidth / 2, plotBottom - barHeight - 4);
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
			centered(g, panel.categories().get(c), left + c * groupWidth + groupWidth / 2, plotBottom + 20);
		}
	}

	private static void centered(Graphics2D g, String text, int x, int baseline) {
		g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
	}

	/** 1, 2 or 5 times a power of ten, at least {@code rough}. */
	static double niceStep(double rough) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
		double fraction = rough / magnitude;
		double nice = (fraction <= 1) ? 1 : (fraction <= 2) ? 2 : (fraction <= 5) ? 5 : 10;
		return nice * magnitude;
	}

	static String format(double value) {
		if (value >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, (value >= 10) ? "%.1f" : "%.2f", value);
	}
}
