package io.pyhermetic.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GarakGraphTest {
  private final GarakGraph graph = GarakGraph.read();

  @Test
  void everyPinOfBothFilesWithTheX86OnlyOnesMarked() {
    assertThat(graph.versions()).hasSize(213).containsEntry("torch", "2.9.1");
    assertThat(graph.versions().keySet().stream().filter(graph::x86Only))
        .hasSize(16)
        .contains("triton", "nvidia-cublas-cu12");
    assertThat(graph.roots()).contains("garak", "kfp", "boto3", "httpx");
  }

  @Test
  void edgesOnlyOnX86CarryTheMarker() {
    List<String> torch = graph.requiresDist().get("torch");
    assertThat(torch)
        .contains("triton ; platform_machine == \"x86_64\"", "typing-extensions", "sympy");
    assertThat(graph.requiresDist().get("nvidia-cusolver-cu12"))
        .contains("nvidia-cublas-cu12 ; platform_machine == \"x86_64\"");
  }
}
