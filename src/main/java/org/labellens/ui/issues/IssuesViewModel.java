package org.labellens.ui.issues;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueQuery;
import org.labellens.core.model.IssueSummary;
import org.labellens.service.IssueService;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * The issue browser: a page of issues matching the search, and the selected issue's details. Only
 * one page is held at a time, so a project of any size stays responsive; every query runs in the
 * background and a result that arrives after a newer request is dropped.
 */
public final class IssuesViewModel {
  public static final int PAGE_SIZE = 200;

  private final IssueService issues;
  private final BackgroundExecutor background;

  private final StringProperty search = new SimpleStringProperty("");
  private final ObservableList<IssueSummary> items = FXCollections.observableArrayList();
  private final ObjectProperty<IssueSummary> selected = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<Issue> detail = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(1);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper searchReady = new ReadOnlyBooleanWrapper();

  private long generation;
  private long detailGeneration;

  public IssuesViewModel(IssueService issues, BackgroundExecutor background) {
    this.issues = issues;
    this.background = background;
    selected.addListener((obs, old, now) -> loadDetail(now));
  }

  /** Loads the first page and brings the search index up to date in the background. */
  public void start() {
    reload(0);
    status.set("preparing search…");
    background.run(
        () -> {
          issues.ensureSearchIndex((message, done, all) -> {});
          return null;
        },
        ok -> {
          searchReady.set(true);
          status.set("");
          if (!search.get().isBlank()) {
            reload(0);
          }
        },
        this::fail);
  }

  /** Runs the search in {@link #searchProperty()} from the first page. */
  public void applySearch() {
    reload(0);
  }

  public void nextPage() {
    if (page.get() + 1 < pageCount.get()) {
      reload(page.get() + 1);
    }
  }

  public void previousPage() {
    if (page.get() > 0) {
      reload(page.get() - 1);
    }
  }

  private IssueQuery query() {
    String words = search.get();
    if (words == null || words.isBlank() || !searchReady.get()) {
      return IssueQuery.ALL;
    }
    return IssueQuery.ALL.withText(words);
  }

  private void reload(int targetPage) {
    long gen = ++generation;
    IssueQuery q = query();
    busy.set(true);
    background.run(
        () -> {
          int count = issues.count(q);
          int pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
          int p = Math.min(targetPage, pages - 1);
          List<IssueSummary> rows = issues.page(q, p * PAGE_SIZE, PAGE_SIZE);
          return new PageResult(count, pages, p, rows);
        },
        result -> {
          if (gen != generation) {
            return;
          }
          busy.set(false);
          total.set(result.count());
          pageCount.set(result.pages());
          page.set(result.page());
          items.setAll(result.rows());
          if (!result.rows().isEmpty()) {
            selected.set(result.rows().get(0));
          } else {
            selected.set(null);
          }
        },
        e -> {
          if (gen == generation) {
            busy.set(false);
            fail(e);
          }
        });
  }

  private void loadDetail(IssueSummary summary) {
    long gen = ++detailGeneration;
    if (summary == null) {
      detail.set(null);
      return;
    }
    background.run(
        () -> issues.get(summary.id()),
        (Optional<Issue> issue) -> {
          if (gen == detailGeneration) {
            detail.set(issue.orElse(null));
          }
        },
        this::fail);
  }

  private void fail(Throwable e) {
    status.set("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
  }

  private record PageResult(int count, int pages, int page, List<IssueSummary> rows) {}

  public StringProperty searchProperty() {
    return search;
  }

  public ObservableList<IssueSummary> items() {
    return items;
  }

  public ObjectProperty<IssueSummary> selectedProperty() {
    return selected;
  }

  public ReadOnlyObjectProperty<Issue> detailProperty() {
    return detail.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty totalProperty() {
    return total.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty pageProperty() {
    return page.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty pageCountProperty() {
    return pageCount.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty searchReadyProperty() {
    return searchReady.getReadOnlyProperty();
  }
}
