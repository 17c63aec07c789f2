package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedPipelineTest {
  @Test
  void resultsComeInSubmissionOrder_whateverTheTimeEachTakes() {
    for (int threads : new int[] {1, 2, 4}) {
      List<Integer> out = new ArrayList<>();
      try (OrderedPipeline<Integer> p = new OrderedPipeline<>("test", threads, out::add)) {
        for (int i = 0; i < 50; i++) {
          int n = i;
          p.submit(() -> {
            Thread.sleep((n * 7) % 5);
            return n;
          });
        }
        p.finish();
      }
      assertThat(out).as("%d threads", threads).hasSize(50).isSorted();
    }
  }

  @Test
  void atMostTwiceTheThreadsAreInFlight() {
    List<Integer> out = new ArrayList<>();
    int most = 0;
    try (OrderedPipeline<Integer> p = new OrderedPipeline<>("test", 2, out::add)) {
      for (int i = 0; i < 40; i++) {
        int n = i;
        p.submit(() -> n);
        most = Math.max(most, i + 1 - out.size()); // submitted, not yet consumed
      }
      p.finish();
    }
    assertThat(most).isEqualTo(4);
    assertThat(out).hasSize(40).isSorted();
  }

  @Test
  void anExceptionInATaskEndsThePipeline() {
    try (OrderedPipeline<Integer> p = new OrderedPipeline<>("test", 2, r -> {})) {
      p.submit(() -> {
        throw new IllegalStateException("boom");
      });
      assertThatThrownBy(p::finish).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }
  }
}
