package org.xtaserver.tests.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * The soak as small multiples: one panel per resource, time in minutes across, each y axis from
 * zero (so that growth looks as large as it is), the first and last thirds shaded (the windows
 * compared) and, where a metric has a criterion, its limit as a dashed line. Drawn headless with
 * Java 2D.
 */
final class SoakChart {

	private static final int COLUMNS = 2;

	private static final int PANEL_WIDTH = 620;

	private static final int PANEL_HEIGHT = 260;

	private static final int HEADER = 60;

	private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0x9467bd) };

	/** A line of a panel. */
	record Line(String label, double[] values) {
	}

	/**
	 * A panel: its lines over {@code seconds}; {@code limit} is drawn as a dashed line when it is a
	 * number (a limit on a trend is no level on the chart and is left out).
	 */
	record Panel(String title, String unit, List<Line> lines, double limit) {
	}

	private SoakChart() {
	}

	static void write(Path file, String title, double[] seconds, List<Panel> panels) {
		int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
		BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, HEADER + rows * PANEL_HEIGHT,
				BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
			g.drawString(title, 20, 28);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
			g.setColor(Color.DARK_GRAY);
			g.drawString("shaded: first and last third of the window (compared); dashed: limit of the criterion",
					20, 48);
			for (int i = 0; i < panels.size(); i++) {
				int x = (i % COLUMNS) * PANEL_WIDTH;
				int y = HEADER + (i / COLUMNS) * PANEL_HEIGHT;
				drawPanel(g, x, y, seconds, panels.get(i));
			}
		}
		finally {
			g.dispose();
		}
		try {
			ImageIO.write(image, "png", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private static void drawPanel(Graphics2D g, int originX, int originY, double[] seconds, Panel panel) {
		int left = originX + 70;
		int right = originX + PANEL_WIDTH - 20;
		int top = originY + 30;
		int bottom = originY + PANEL_HEIGHT - 45;
		// Up to the next quarter minute: the last sample lands a few ms before the window's nominal end.
		double maxX = Math.max(15, Math.ceil((seconds.length == 0 ? 0 : seconds[seconds.length - 1]) / 15 - 1e-3) * 15);
		double maxY = 0;
		for (Line line : panel.lines()) {
			for (double v : line.values()) {
				if (!Double.isNaN(v)) {
					maxY = Math.max(maxY, v);
				}
			}
		}
		if (!Double.isNaN(panel.limit())) {
			maxY = Math.max(maxY, panel.limit());
		}
		double step = niceStep(maxY * 1.1 / 4);
		int ticks = (int) Math.max(1, Math.ceil(maxY * 1.1 / step));
		maxY = ticks * step;

		// compared windows
		int third = Math.max(1, seconds.length / 3);
		if (seconds.length >= 3) {
			g.setColor(new Color(0xEEF3FA));
			int firstEnd = xOf(seconds[third - 1], maxX, left, right);
			g.fillRect(left, top, Math.max(1, firstEnd - left), bottom - top);
			int lastStart = xOf(seconds[seconds.length - third], maxX, left, right);
			g.fillRect(lastStart, top, right - lastStart, bottom - top);
		}

		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.setColor(Color.BLACK);
		g.drawString(panel.title() + " (" + panel.unit() + ")", left, originY + 20);

		// axes and grid
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		FontMetrics metrics = g.getFontMetrics();
		for (int i = 0; i <= ticks; i++) {
			double value = step * i;
			int y = yOf(value, maxY, top, bottom);
			g.setColor(new Color(0xDDDDDD));
			g.drawLine(left, y, right, y);
			g.setColor(Color.DARK_GRAY);
			String label = label(value);
			g.drawString(label, left - 6 - metrics.stringWidth(label), y + 4);
		}
		double minutes = maxX / 60;
		double minuteStep = (minutes > 6) ? 1 : (minutes > 2) ? 0.5 : 0.25;
		for (double m = 0; m <= minutes + 1e-9; m += minuteStep) {
			int x = xOf(m * 60, maxX, left, right);
			g.setColor(Color.DARK_GRAY);
			g.drawLine(x, bottom, x, bottom + 4);
			String label = label(m);
			g.drawString(label, x - metrics.stringWidth(label) / 2, bottom + 16);
		}
		g.drawString("minutes", right - metrics.stringWidth("minutes"), bottom + 30);
		g.setColor(Color.GRAY);
		g.drawRect(left, top, right - left, bottom - top);

		if (!Double.isNaN(panel.limit())) {
			int y = yOf(panel.limit(), maxY, top, bottom);
			g.setColor(new Color(0xB00020));
			g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 },
					0));
			g.drawLine(left, y, right, y);
			g.setStroke(new BasicStroke(1f));
			String label = "limit " + label(panel.limit());
			g.drawString(label, right - 4 - metrics.stringWidth(label), y - 4);
		}

		// lines and legend
		int legendX = left + 8;
		for (int l = 0; l < panel.lines().size(); l++) {
			Line line = panel.lines().get(l);
			Color color = COLORS[l % COLORS.length];
			g.setColor(color);
			g.setStroke(new BasicStroke(2f));
			Path2D path = new Path2D.Double();
			boolean started = false;
			for (int i = 0; i < seconds.length && i < line.values().length; i++) {
				if (line.values()[i] < 0 || Double.isNaN(line.values()[i])) {
					continue; // not read at this sample
				}
				double px = xOf(seconds[i], maxX, left, right);
				double py = yOf(line.values()[i], maxY, top, bottom);
				if (started) {
					path.lineTo(px, py);
				}
				else {
					path.moveTo(px, py);
					started = true;
				}
			}
			g.draw(path);
			if (panel.lines().size() > 1) {
				g.fillRect(legendX, top + 8, 12, 4);
				g.setColor(Color.BLACK);
				g.drawString(line.label(), legendX + 16, top + 14);
				legendX += 16 + metrics.stringWidth(line.label()) + 18;
			}
		}
		g.setStroke(new BasicStroke(1f));
	}

	private static int xOf(double seconds, double maxX, int left, int right) {
		return (int) Math.round(left + (right - left) * seconds / maxX);
	}

	private static int yOf(double value, double maxY, int top, int bottom) {
		return (int) Math.round(bottom - (bottom - top) * value / maxY);
	}

	/** 1, 2, 2.5 or 5 times a power of ten, no smaller than {@code value}. */
	private static double niceStep(double value) {
		if (value <= 0 || Double.isNaN(value)) {
			return 1;
		}
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double factor : new double[] { 1, 2, 2.5, 5 }) {
			if (factor * power >= value) {
				return factor * power;
			}
		}
		return 10 * power;
	}

	private static String label(double value) {
		if (value == Math.rint(value)) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
	}
}
