package org.attentionexplorer.ui.heatmap;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.attentionexplorer.ui.export.ExportActions;

/**
 * The heatmap control: a matrix drawn on a canvas that fills the region, with token labels, values in the cells
 * when they fit, and a colour legend (see {@link HeatmapPainter}).
 *
 * <ul>
 *   <li>Hover: the cell is outlined and a label beside the pointer says how the value was computed
 *       ({@link HeatmapData#explain}), also in {@link #hoverTextProperty()}.</li>
 *   <li>Click a cell or a row label: {@link #selectedRowProperty()} becomes that row (-1: none), so other views
 *       can follow the same query token. Up/Down move it, Escape clears it.</li>
 *   <li>Zoom: {@link #zoomProperty()} (1 = the whole matrix fits), Ctrl + wheel or a pinch around the pointer,
 *       +/- keys, 0 to reset. Pan: drag, or the wheel when zoomed in.</li>
 *   <li>Right click: copy the picture or the values, save PNG (2x), SVG or CSV ({@link #exportActions()}).</li>
 * </ul>
 * Redraws are coalesced into the next layout pass and draw only the visible cells, so a 1024 x 1024 matrix stays
 * smooth. Colours are computed once per data ({@link PreparedHeatmap}); for large matrices pass data prepared
 * on a background thread with {@link #setPrepared}.
 */
public final class HeatmapView extends Region {
    private static final double ZOOM_STEP = 1.25;
    private static final double DRAG_THRESHOLD = 4;
    private static final double HOVER_OFFSET = 16;
    private static final double MAX_PREF_WIDTH = 640;
    private static final double MAX_PREF_HEIGHT = 560;

    private final ObjectProperty<HeatmapData> data = new SimpleObjectProperty<>(this, "data");
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyDoubleWrapper cellSize = new ReadOnlyDoubleWrapper(this, "cellSize", 0);

    private final Canvas canvas = new Canvas();
    private final Rectangle hoverBox = new Rectangle();
    private final Label hoverLabel = new Label();
    private final HeatmapPainter painter = new HeatmapPainter(HeatmapStyle.SCREEN);
    private final ExportActions exportActions = new ExportActions(
            () -> data.get() == null ? null : HeatmapExport.exportable(data.get()));

    private PreparedHeatmap prepared;
    private PreparedHeatmap preparedElsewhere;
    private HeatmapLayout layout;
    /** The top-left visible point of the matrix, in cells. */
    private double panCol;
    private double panRow;
    private boolean dirty = true;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    private int hoverRow = -1;
    private int hoverCol = -1;
    private double pressX;
    private double pressY;
    private double pressPanCol;
    private double pressPanRow;
    private boolean dragging;

    public HeatmapView() {
        createView();
        initListeners();
    }

    public HeatmapView(HeatmapData data) {
        this();
        setData(data);
    }

    private void createView() {
        getStyleClass().add("heatmap-view");
        setFocusTraversable(true);
        canvas.setManaged(false);
        hoverBox.setManaged(false);
        hoverBox.setMouseTransparent(true);
        hoverBox.setFill(Color.TRANSPARENT);
        hoverBox.setStroke(Color.BLACK);
        hoverBox.setStrokeWidth(2);
        hoverBox.setVisible(false);
        hoverLabel.setManaged(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setVisible(false);
        hoverLabel.getStyleClass().add("heatmap-hover");
        hoverLabel.setStyle("-fx-background-color: rgba(255,255,255,0.96); -fx-border-color: #808080; -fx-padding: 4 8 4 8;"
                + " -fx-font-size: 15px; -fx-text-fill: #1a1a1a; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 6, 0, 0, 2);");
        getChildren().addAll(canvas, hoverBox, hoverLabel);
    }

    private void initListeners() {
        data.addListener((obs, old, now) -> dataChanged(old, now));
        selectedRow.addListener(obs -> invalidate());
        zoom.addListener(obs -> invalidate());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointerAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointerAt(Double.NaN, Double.NaN));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomBy(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        exportActions.install(this);
    }

    // ---- properties

    /** What is shown; null shows nothing. */
    public ObjectProperty<HeatmapData> dataProperty() {
        return data;
    }

    public HeatmapData getData() {
        return data.get();
    }

    public void setData(HeatmapData value) {
        data.set(value);
    }

    /** Shows data whose colours were computed elsewhere (a background thread), so the FX thread only draws. */
    public void setPrepared(PreparedHeatmap heatmap) {
        preparedElsewhere = heatmap;
        data.set(heatmap.data());
    }

    /** The selected row (query token), -1 for none. */
    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    public int getSelectedRow() {
        return selectedRow.get();
    }

    public void setSelectedRow(int row) {
        selectedRow.set(row);
    }

    /** 1 shows the whole matrix; 2 makes cells twice as large. Clamped when drawn (at least 1, cells at most 240 px). */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double getZoom() {
        return zoom.get();
    }

    public void setZoom(double value) {
        zoom.set(value);
    }

    /** The text shown for what is under the pointer ("" for nothing). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public String getHoverText() {
        return hoverText.get();
    }

    /** The side of a cell as last drawn, in pixels. */
    public ReadOnlyDoubleProperty cellSizeProperty() {
        return cellSize.getReadOnlyProperty();
    }

    public double getCellSize() {
        return cellSize.get();
    }

    /** Where everything was last drawn; null before the first drawing or without data. */
    public HeatmapLayout getLayout() {
        return layout;
    }

    /**
     * Copy image, copy values, save PNG (2x), SVG and CSV of the data shown, offered by the context menu (right click);
     * the default file name is the data's {@link HeatmapData#name()}.
     */
    public ExportActions exportActions() {
        return exportActions;
    }

    // ---- commands

    public void zoomIn() {
        zoomAroundCentre(ZOOM_STEP);
    }

    public void zoomOut() {
        zoomAroundCentre(1 / ZOOM_STEP);
    }

    /** Back to the whole matrix. */
    public void resetZoom() {
        panCol = 0;
        panRow = 0;
        zoom.set(1);
        invalidate();
    }

    /** Zooms by {@code factor}, keeping the matrix point under (x, y) in place (the grid's centre if (x, y) is outside it). */
    public void zoomBy(double factor, double x, double y) {
        if (layout == null || !(factor > 0)) {
            return;
        }
        HeatmapLayout l = layout;
        if (!l.inGrid(x, y)) {
            x = l.gridLeft() + l.gridWidth() / 2;
            y = l.gridTop() + l.gridHeight() / 2;
        }
        double z = Math.max(1, Math.min(l.maxZoom(), l.zoom() * factor));
        double cell = l.fitCell() * z;
        panCol = l.contentCol(x) - (x - l.gridLeft()) / cell;
        panRow = l.contentRow(y) - (y - l.gridTop()) / cell;
        zoom.set(z);
        invalidate();
    }

    /** Moves the view by (dx, dy) pixels: positive dx shows columns further right. */
    public void panBy(double dx, double dy) {
        if (layout == null || layout.cellSize() <= 0) {
            return;
        }
        panCol += dx / layout.cellSize();
        panRow += dy / layout.cellSize();
        invalidate();
    }

    private void zoomAroundCentre(double factor) {
        zoomBy(factor, Double.NaN, Double.NaN);
    }

    // ---- drawing

    private void dataChanged(HeatmapData old, HeatmapData now) {
        if (now == null) {
            prepared = null;
        } else {
            prepared = preparedElsewhere != null && preparedElsewhere.data() == now ? preparedElsewhere : PreparedHeatmap.of(now);
        }
        preparedElsewhere = null;
        boolean sameShape = old != null && now != null && old.rows() == now.rows() && old.cols() == now.cols();
        if (!sameShape) {
            panCol = 0;
            panRow = 0;
        }
        if (now == null || selectedRow.get() >= now.rows()) {
            selectedRow.set(-1);
        }
        hoverRow = -1;
        hoverCol = -1;
        invalidate();
    }

    private void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty) {
            redraw();
        }
    }

    private void redraw() {
        dirty = false;
        if (prepared == null) {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            layout = null;
            cellSize.set(0);
            hideHover();
            return;
        }
        layout = painter.layout(prepared, canvas.getWidth(), canvas.getHeight(), zoom.get(), panCol, panRow);
        panCol = layout.panCol();
        panRow = layout.panRow();
        painter.paint(canvas.getGraphicsContext2D(), prepared, layout, selectedRow.get());
        cellSize.set(layout.cellSize());
        hoverRow = -1;
        hoverCol = -1;
        showHover();
    }

    /** The size the view asks for: the whole matrix at up to 64 px a cell, at most {@value #MAX_PREF_WIDTH} x {@value #MAX_PREF_HEIGHT}. */
    @Override
    protected double computePrefWidth(double height) {
        return prepared == null ? MAX_PREF_WIDTH : Math.min(MAX_PREF_WIDTH, naturalSize()[0]);
    }

    @Override
    protected double computePrefHeight(double width) {
        return prepared == null ? MAX_PREF_HEIGHT : Math.min(MAX_PREF_HEIGHT, naturalSize()[1]);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 160;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }

    private double[] naturalSize() {
        return painter.naturalSize(prepared, HeatmapLayout.naturalCell(prepared.rows(), prepared.cols()));
    }

    // ---- pointer and keys

    private void pointerAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        showHover();
    }

    private void showHover() {
        HeatmapLayout l = layout;
        if (l == null || Double.isNaN(pointerX)) {
            hideHover();
            return;
        }
        int row = l.rowAt(pointerY);
        int col = l.colAt(pointerX);
        String text;
        if (row >= 0 && col >= 0) {
            if (row == hoverRow && col == hoverCol && hoverLabel.isVisible()) {
                placeHoverLabel();
                return;
            }
            hoverRow = row;
            hoverCol = col;
            text = cellText(row, col);
            outlineCell(l, row, col);
        } else {
            hoverRow = -1;
            hoverCol = -1;
            hoverBox.setVisible(false);
            int labelRow = l.rowLabelAt(pointerX, pointerY);
            int labelCol = l.colLabelAt(pointerX, pointerY);
            if (labelRow >= 0) {
                text = prepared.rowLabel(labelRow) + "  (row " + labelRow + ")";
            } else if (labelCol >= 0) {
                text = prepared.colLabel(labelCol) + "  (column " + labelCol + ")";
            } else {
                hideHover();
                return;
            }
        }
        hoverText.set(text);
        hoverLabel.setText(text);
        hoverLabel.setVisible(true);
        placeHoverLabel();
    }

    private String cellText(int row, int col) {
        HeatmapData d = prepared.data();
        String explained = d.explain(row, col);
        return d.explainer() == null ? explained : explained + "\nexact value: " + ValueFormat.exact(prepared.value(row, col));
    }

    private void outlineCell(HeatmapLayout l, int row, int col) {
        double x0 = Math.max(l.gridLeft(), l.cellX(col));
        double y0 = Math.max(l.gridTop(), l.cellY(row));
        double x1 = Math.min(l.gridLeft() + l.gridWidth(), l.cellX(col + 1));
        double y1 = Math.min(l.gridTop() + l.gridHeight(), l.cellY(row + 1));
        hoverBox.setX(Math.round(x0) + 1);
        hoverBox.setY(Math.round(y0) + 1);
        hoverBox.setWidth(Math.max(1, Math.round(x1) - Math.round(x0) - 2));
        hoverBox.setHeight(Math.max(1, Math.round(y1) - Math.round(y0) - 2));
        hoverBox.setVisible(true);
    }

    private void placeHoverLabel() {
        hoverLabel.applyCss();
        hoverLabel.autosize();
        double w = hoverLabel.getWidth();
        double h = hoverLabel.getHeight();
        double x = pointerX + HOVER_OFFSET;
        double y = pointerY + HOVER_OFFSET;
        if (x + w > getWidth()) {
            x = pointerX - HOVER_OFFSET / 2 - w;
        }
        if (y + h > getHeight()) {
            y = pointerY - HOVER_OFFSET / 2 - h;
        }
        hoverLabel.relocate(Math.max(0, x), Math.max(0, y));
    }

    private void hideHover() {
        hoverRow = -1;
        hoverCol = -1;
        hoverBox.setVisible(false);
        hoverLabel.setVisible(false);
        hoverText.set("");
    }

    /** The row of the cell or row label at (x, y), or -1. */
    private int rowAt(double x, double y) {
        HeatmapLayout l = layout;
        if (l == null) {
            return -1;
        }
        return l.inGrid(x, y) ? l.rowAt(y) : l.rowLabelAt(x, y);
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        pressPanCol = panCol;
        pressPanRow = panRow;
        dragging = false;
    }

    private void dragged(MouseEvent e) {
        if (layout == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) < DRAG_THRESHOLD) {
            return;
        }
        dragging = true;
        double cell = layout.cellSize();
        panCol = pressPanCol - (e.getX() - pressX) / cell;
        panRow = pressPanRow - (e.getY() - pressY) / cell;
        pointerX = e.getX();
        pointerY = e.getY();
        invalidate();
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || dragging) {
            return;
        }
        int row = rowAt(e.getX(), e.getY());
        if (row >= 0) {
            selectedRow.set(row);
        }
    }

    private void scrolled(ScrollEvent e) {
        if (layout == null) {
            return;
        }
        if (e.isControlDown() || e.isShortcutDown()) {
            zoomBy(Math.pow(1.1, e.getDeltaY() / 40), e.getX(), e.getY());
            e.consume();
            return;
        }
        boolean canPan = layout.gridWidth() < layout.cols() * layout.cellSize() - 0.5
                || layout.gridHeight() < layout.rows() * layout.cellSize() - 0.5;
        if (canPan) {
            // let an enclosing page scroll when there is nothing to pan
            double dx = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
            double dy = e.isShiftDown() && e.getDeltaX() == 0 ? 0 : e.getDeltaY();
            panBy(-dx, -dy);
            e.consume();
        }
    }

    private void keyPressed(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT0, NUMPAD0 -> resetZoom();
            case UP -> moveSelection(-1);
            case DOWN -> moveSelection(1);
            case ESCAPE -> selectedRow.set(-1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void moveSelection(int step) {
        if (prepared == null || prepared.rows() == 0) {
            return;
        }
        int row = selectedRow.get() < 0 ? (step > 0 ? 0 : prepared.rows() - 1) : selectedRow.get() + step;
        row = Math.max(0, Math.min(prepared.rows() - 1, row));
        selectedRow.set(row);
        HeatmapLayout l = layout;
        if (l != null && l.cellSize() > 0) {
            // keep the selected row on screen
            double visibleRows = l.gridHeight() / l.cellSize();
            if (row < panRow) {
                panRow = row;
            } else if (row + 1 > panRow + visibleRows) {
                panRow = row + 1 - visibleRows;
            }
            invalidate();
        }
    }
}
