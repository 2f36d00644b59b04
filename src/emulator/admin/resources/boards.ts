import { fieldsParam, idParam, notFound, publicView, shopNoParam } from "../query.js";
import type { AdminRoute } from "../route.js";

/**
 * §6.8 — boards. The list is returned whole: a mall has at most a few dozen boards and the reference lists
 * no paging parameters for it.
 */
export const boardsRoutes: AdminRoute[] = [
  {
    method: "GET",
    path: "/boards",
    handle({ query, data }) {
      shopNoParam(query);
      const fields = fieldsParam(query);
      return { body: { boards: data.boards.map((b) => publicView(b, fields)) } };
    },
  },
  {
    method: "GET",
    path: "/boards/:board_no",
    handle({ params, query, data }) {
      shopNoParam(query);
      const boardNo = idParam(params, "board_no");
      const board = data.boards.find((b) => b.board_no === boardNo);
      if (!board) throw notFound();
      return { body: { board: publicView(board, fieldsParam(query)) } };
    },
  },
];
