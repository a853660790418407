/** The document GraphiQL opens with: one named operation per thing people try first. */
export const EXAMPLE_QUERIES = /* GraphQL */ `# Welcome. Pick an operation with the play button's menu.
# Every relation carries the verbatim quote of the article that states it.

query Search {
  search(text: "Tikhanovskaya") { id kind name aliases summary }
}

query Neighbourhood {
  neighbourhood(id: "mikalai-statkevich", depth: 1) {
    truncated
    nodes { id kind name }
    edges { type label from { name } to { name } evidence { quote article { id title } } }
  }
}

query ShortestPath {
  shortestPath(from: "donald-trump", to: "ihar-losik") {
    nodes { name }
    edges { type from { name } to { name } evidence { quote } }
  }
}

query Ask {
  ask(question: "Who negotiated what?") {
    understood text
    rows { subject { name } relation object { name } evidence { quote article { id } } }
    suggestions
  }
}

query Overview {
  stats { entities relations articles byKind { kind count } byRelationType { type count } }
  timeline { name date }
}
`;
