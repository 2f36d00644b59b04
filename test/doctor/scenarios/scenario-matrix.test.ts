import { scenarioMatrix } from "./scenario-matrix.js";

scenarioMatrix("file");
