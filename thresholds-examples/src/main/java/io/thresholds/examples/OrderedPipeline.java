package io.thresholds.examples;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks on worker threads and hands their results to one consumer, on the calling thread, in
 * the order the tasks were submitted. At most {@code 2 * threads} tasks are in flight: submitting
 * one more first waits for the oldest and consumes it, so memory stays bounded however long the
 * input is and the output order never depends on timing. With one thread the tasks run inline.
 *
 * @param <R> the result of a task
 */
final class OrderedPipeline<R> implements AutoCloseable {
  private final @Nullable ExecutorService pool;
  private final int maxInFlight;
  private final Deque<Future<R>> inFlight = new ArrayDeque<>();
  private final Consumer<R> consumer;

  /**
   * @param name the name of the worker threads
   * @param threads the number of worker threads; 1 runs the tasks on the calling thread
   * @param consumer receives the results in submission order, on the calling thread
   */
  OrderedPipeline(String name, int threads, Consumer<R> consumer) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.consumer = consumer;
    this.maxInFlight = 2 * threads;
    if (threads == 1) {
      this.pool = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, name + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
  }

  /**
   * Submits a task; first consumes the oldest result if enough tasks are already in flight.
   *
   * @param task the task; an exception it throws ends the pipeline (tasks catch what they expect)
   */
  void submit(Callable<R> task) {
    if (pool == null) {
      consumer.accept(call(task));
      return;
    }
    while (inFlight.size() >= maxInFlight) {
      consumer.accept(get(inFlight.removeFirst()));
    }
    inFlight.addLast(pool.submit(task));
  }

  /** Waits for every task in flight and consumes the results, in order. */
  void finish() {
    while (!inFlight.isEmpty()) {
      consumer.accept(get(inFlight.removeFirst()));
    }
  }

  /** Stops the workers; tasks still in flight are abandoned. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static <R> R call(Callable<R> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <R> R get(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }
}
