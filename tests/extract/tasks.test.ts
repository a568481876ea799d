import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractAgencies } from "../../src/extract/agencies.js";
import { makeContext } from "../../src/extract/context.js";
import { extractTasks, nextSeparator, separatorEnd } from "../../src/extract/tasks.js";
import type { Task } from "../../src/record/schema.js";
import { documentKeys } from "../../src/text/tone.js";
import type { OutlineNode, SectionTree } from "../../src/segment/tree.js";

/** An outline item written by hand: label (or null), own text, children. */
type Item = [label: string | null, text: string, children?: Item[]];

/** Lays the items out as text, one a line, and builds the section tree the extractor reads. */
function treeOf(items: Item[], recipients: string[] = []): SectionTree {
  let text = recipients.length ? `Kính gửi:\n${recipients.map((r) => `- ${r};`).join("\n")}\n\n` : "";
  const recNodes = recipients.map((r) => {
    const at = text.indexOf(r);
    return { text: r, span: [at, at + r.length] as [number, number] };
  });
  const bodyStart = text.length;
  const lay = (list: Item[]): OutlineNode[] =>
    list.map(([label, own, children = []]) => {
      const start = text.length;
      text += `${label ? `${label} ` : ""}${own}\n`;
      const kids = lay(children);
      return {
        kind: label === null ? "paragraph" : label === "-" ? "dash" : /^Điều/.test(label) ? "article" : "numbered",
        label, text: own, span: [start, text.length - 1] as [number, number], children: kids,
      };
    });
  const nodes = lay(items);
  return {
    text, keys: documentKeys(text), issuer: null, nationalTitle: null, number: null, place: null, date: null, type: null, subject: null,
    urgency: null, confidentiality: null, recipients: recNodes, preamble: [],
    body: { span: [bodyStart, text.length], text: text.slice(bodyStart), nodes },
    signatures: [], distribution: [], footnotes: [], appendices: [], warnings: [],
  };
}

function tasksOf(items: Item[], recipients: string[] = []): Task[] {
  const ctx = makeContext(treeOf(items, recipients));
  return extractTasks(ctx, [], extractAgencies(ctx));
}

describe("tasks: one assignment", () => {
  it.each<[string, Item[], string[], Partial<Task>?]>([
    ["Giao X: with dash children", [["1.", "Giao Sở Y tế:", [["-", "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan đẩy nhanh tiến độ chuyển đổi số;"], ["-", "Rà soát các chương trình, kế hoạch liên quan."]]]], ["Sở Y tế"], { cooperating: ["các cơ quan, đơn vị liên quan"] }],
    ["subject list split on và", [["2.", "Các sở, ngành, hội, đoàn thể tỉnh và UBND các địa phương tiếp tục quán triệt, nhận thức đầy đủ về công tác y tế."]], ["Các sở, ngành, hội, đoàn thể tỉnh", "UBND các địa phương"]],
    ["X chuẩn bị … gửi Y trước …", [["5.", "Phân công chuẩn bị: Sở Y tế chuẩn bị nội dung và báo cáo tại buổi làm việc, gửi Văn phòng UBND tỉnh 03 bộ tài liệu trước 11h00 ngày 26/5/2026; chuẩn bị phòng họp."]], ["Sở Y tế"], { deadline: "2026-05-26T11:00" }],
    ["Yêu cầu X khẩn trương … trước ngày …", [["1.", "Yêu cầu Bộ Lao động - Thương binh và Xã hội khẩn trương rà soát số đối tượng, trình Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2014."]], ["Bộ Lao động - Thương binh và Xã hội"], { deadline: "2014-12-31" }],
    ["X chủ động …", [["2.", "Ủy ban nhân dân tỉnh Nghệ An chủ động rà soát, lập danh sách các đối tượng."]], ["Ủy ban nhân dân tỉnh Nghệ An"]],
    ["Đề nghị X …", [["3.", "Đề nghị UBND các huyện, thị xã, thành phố chỉ đạo UBND cấp xã tổ chức thực hiện."]], ["UBND các huyện, thị xã, thành phố"]],
    ["Giao title + agency chủ trì, phối hợp với", [["Điều 2.", "Giao Giám đốc Sở Nội vụ chủ trì, phối hợp với các Sở, Ban ngành có liên quan triển khai thực hiện Quyết định này."]], ["Giám đốc Sở Nội vụ"], { cooperating: ["các Sở, Ban ngành có liên quan"] }],
    ["Điều 3 chịu trách nhiệm thi hành", [["Điều 3.", "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này./."]], ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính", "Chủ tịch UBND các huyện"]],
    ["Điều 3 cut by ; and :", [["Điều 3.", "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở: Giáo dục và Đào tạo, Tài chính, Nội vụ; Chủ tịch Ủy ban nhân dân huyện, thành phố; thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./."]], ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc các sở: Giáo dục và Đào tạo, Tài chính, Nội vụ", "Chủ tịch Ủy ban nhân dân huyện, thành phố", "thủ trưởng các cơ quan, đơn vị liên quan"]],
    ["X có trách nhiệm …", [[null, "Sở Tài chính có trách nhiệm cân đối, bố trí kinh phí thực hiện."]], ["Sở Tài chính"]],
    ["paragraph with two subjects", [[null, "Giám đốc Sở Y tế và Thủ trưởng các cơ quan, đơn vị, địa phương liên quan phối hợp tổ chức triển khai thực hiện./."]], ["Giám đốc Sở Y tế", "Thủ trưởng các cơ quan, đơn vị, địa phương liên quan"]],
    ["Giao title heading with numbered children", [["Điều 2.", "Giao Giám đốc Sở Giáo dục và Đào tạo", [["1.", "Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch thời gian năm học."]]]], ["Giám đốc Sở Giáo dục và Đào tạo"]],
    ["Công an tỉnh chủ trì", [["a)", "Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh, trật tự."]], ["Công an tỉnh"], { cooperating: ["Bộ Chỉ huy Quân sự tỉnh"] }],
    ["Giao cho X thực hiện", [["-", "Giao cho Trung tâm Y tế huyện thực hiện tiêm chủng mở rộng."]], ["Trung tâm Y tế huyện"]],
    ["Văn phòng UBND tỉnh theo dõi", [["4.", "Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện, báo cáo Chủ tịch UBND tỉnh."]], ["Văn phòng UBND tỉnh"]],
    ["X tham mưu … chậm nhất ngày", [["b)", "Sở Nội vụ tham mưu UBND tỉnh kiện toàn Ban Chỉ đạo, hoàn thành chậm nhất ngày 15/7/2025."]], ["Sở Nội vụ"], { deadline: "2025-07-15" }],
    ["Party body", [["1.", "Ban Tuyên giáo Tỉnh ủy chủ trì hướng dẫn tuyên truyền kết quả Đại hội."]], ["Ban Tuyên giáo Tỉnh ủy"]],
    ["Yêu cầu two bodies", [["2.", "Yêu cầu Sở Xây dựng và Sở Giao thông vận tải kiểm tra an toàn công trình."]], ["Sở Xây dựng", "Sở Giao thông vận tải"]],
    ["Đề nghị mass organisations", [["3.", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể tỉnh tăng cường giám sát."]], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các đoàn thể tỉnh"]],
    ["dash child with its own subject", [["1.", "Phân công:", [["-", "Sở Tài chính thẩm định dự toán kinh phí;"]]]], ["Sở Tài chính"]],
    ["Giao X: action after colon", [["2.", "Giao Sở Kế hoạch và Đầu tư: tổng hợp, báo cáo kết quả trước ngày 20/12/2025."]], ["Sở Kế hoạch và Đầu tư"]],
    ["Bộ … chịu trách nhiệm", [[null, "Bộ Tài chính chịu trách nhiệm hướng dẫn thực hiện Nghị định này."]], ["Bộ Tài chính"]],
    ["Chủ tịch UBND các xã chịu trách nhiệm", [["c)", "Chủ tịch UBND các xã, phường chịu trách nhiệm trước Chủ tịch UBND huyện về kết quả thực hiện."]], ["Chủ tịch UBND các xã, phường"]],
    ["cooperating across ;", [["2.", "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính; Bảo hiểm xã hội tỉnh triển khai khám sức khỏe định kỳ."]], ["Sở Y tế"], { cooperating: ["Sở Tài chính", "Bảo hiểm xã hội tỉnh"] }],
    ["Cục Thuế …", [["3.", "Cục Thuế các tỉnh, thành phố chịu trách nhiệm quyết toán việc sử dụng nguyên liệu được miễn thuế."]], ["Cục Thuế các tỉnh, thành phố"]],
    ["Giao + an office without its parent", [["-", "Giao Văn phòng, trong báo cáo quý III gửi Sở Nội vụ, nêu rõ các kiến nghị."]], ["Văn phòng"]],
    ["Giao + a head with an abbreviated name", [[null, "Giao Trung tâm CNTT&TT bám sát tiến độ thi công, khẩn trương đưa hệ thống vào vận hành."]], ["Trung tâm CNTT&TT"]],
    ["heading `X:` with the duty after it", [["2.", "Bộ Giáo dục và Đào tạo: Mời đại diện một số trường: Trường Đại học Sư phạm, Trường Đại học Vinh cùng dự Hội nghị; tổng hợp danh sách gửi Văn phòng Bộ trước 16 giờ ngày 12 tháng 3 năm 2026."]], ["Bộ Giáo dục và Đào tạo"], { deadline: "2026-03-12T16:00" }],
    ["heading `X:` with its duties below", [["1.", "Sở Tài chính:", [["-", "Bố trí kinh phí tổ chức hội nghị từ nguồn ngân sách tỉnh."]]]], ["Sở Tài chính"]],
    ["heading without a colon, duties below", [["5.", "Phòng Văn hóa và Thông tin cấp huyện", [["-", "Tăng cường tin, bài tuyên truyền trên hệ thống truyền thanh cơ sở."]]]], ["Phòng Văn hóa và Thông tin cấp huyện"]],
    ["heading `X:` with a verb after it", [["c)", "Sở Giao thông vận tải: Đảm bảo phương tiện đưa đón đại biểu."]], ["Sở Giao thông vận tải"]],
    ["X giao Y … inside a sentence", [[null, "Về vấn đề này, Thủ tướng Chính phủ giao Bộ Tài chính theo chức năng được giao, nghiên cứu, đề xuất giải pháp phù hợp."]], ["Bộ Tài chính"]],
    ["X giao Y after a run of spaces", [[null, "Về vấn đề này, Thủ tướng Chính phủ   giao Bộ Tài chính nghiên cứu, đề xuất giải pháp phù hợp."]], ["Bộ Tài chính"], { text: "Thủ tướng Chính phủ giao Bộ Tài chính nghiên cứu, đề xuất giải pháp phù hợp" }],
    ["X giao Y across a line break", [[null, "Về vấn đề này, Thủ tướng Chính phủ \n giao Bộ Tài chính nghiên cứu, đề xuất giải pháp phù hợp."]], ["Bộ Tài chính"], { text: "Thủ tướng Chính phủ giao Bộ Tài chính nghiên cứu, đề xuất giải pháp phù hợp" }],
    ["X chịu trách nhiệm after an opening phrase", [["6.", "Đối với các khoản hỗ trợ bằng hiện vật, Bộ Quốc phòng chịu trách nhiệm quản lý, theo dõi và phân bổ theo quy định."]], ["Bộ Quốc phòng"]],
  ])("%s", (_name, items, assignee, extra) => {
    const tasks = tasksOf(items);
    expect(tasks.length, JSON.stringify(tasks)).toBeGreaterThan(0);
    expect(tasks[0].assignee).toEqual(assignee);
    expect(tasks[0].action.length).toBeGreaterThan(5);
    if (extra?.deadline !== undefined) expect(tasks[0].deadline).toBe(extra.deadline);
    if (extra?.cooperating) expect(tasks[0].cooperating).toEqual(extra.cooperating);
    if (extra?.text) expect(tasks[0].text).toBe(extra.text);
  });
});

describe("tasks: look-alikes that assign nothing", () => {
  it.each<[string, Item[]]>([
    ["an introduction", [[null, "Chủ tịch UBND tỉnh có ý kiến như sau:"]]],
    ["a notice of the issuer", [[null, "Văn phòng Chính phủ xin thông báo để các Bộ, cơ quan liên quan biết, thực hiện./."]]],
    ["a participant with a role", [["1.", "Thành phần:", [["-", "Đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh - Chủ trì;"], ["-", "Đại diện Lãnh đạo Sở Tài chính;"]]]]],
    ["giao mid-sentence", [["2.", "Nội dung: tiến độ giải ngân các nguồn kinh phí, dự án giao Sở Y tế thực hiện trong năm 2026."]]],
    ["a place and a time", [["3.", "Thời gian: 01 buổi, từ 08 giờ 00 phút, ngày 27/5/2026 (thứ Tư)."]]],
    ["an address", [["4.", "Địa điểm: tại trụ sở Sở Y tế (địa chỉ: Số 50 đường Đinh Tiên Hoàng)."]]],
    ["entry into force", [["Điều 3.", "Quyết định này có hiệu lực thi hành kể từ ngày ký."]]],
    ["a definition", [["1.2.", "Phát triển bền vững là sự phát triển nhằm đáp ứng những yêu cầu của hiện tại."]]],
    ["a past fact", [["1.", "Ngày 14/5/2013, Chính phủ đã ban hành Nghị định số 51/2013/NĐ-CP quy định chế độ tiền lương."]]],
    ["the issuer's own guidance", [[null, "Bộ trưởng Bộ Kế hoạch và Đầu tư hướng dẫn triển khai thực hiện Định hướng Chiến lược như sau:"]]],
    ["a schedule item", [["1.", "Tựu trường các cấp học: Ngày 26/8/2024 (thứ Hai)."]]],
    ["a report of results", [["-", "Thường xuyên tiến hành rà soát và hệ thống hoá văn bản quy phạm pháp luật."]]],
    ["an invitee with a number of delegates", [["-", "Sở Y tế: 02 đại biểu;"]]],
    ["a body named alone, nothing below", [["1.", "Sở Nội vụ"]]],
    ["a list of bodies as bullets", [["-", "Ban Quản lý dự án tỉnh", [["-", "Lưu VT"]]]]],
    ["a long name after Yêu cầu", [["a)", "Yêu cầu Hội đồng trọng tài lao động giải quyết theo quy định tại Điều 189 của Bộ luật này;"]]],
    ["a body given a duty in the passive", [["1.", "Theo quy định tại Nghị định này, Bộ Tài chính được giao quản lý quỹ."]]],
    ["a body that decides, after an opening phrase", [["2.", "Đối với cá nhân có thành tích xuất sắc, Bộ trưởng Bộ Công an quyết định mức thưởng."]]],
    // a word of NOT_SUBJECT as the subject's first word, and as a word inside it after a comma
    ["a condition before the body", [["3.", "Nếu Sở Y tế chủ trì tổ chức hội nghị thì phải báo cáo trước."]]],
    ["a place before the body", [["4.", "Sở Y tế, tại hội nghị, chủ trì thảo luận các nội dung."]]],
  ])("%s", (_name, items) => {
    expect(tasksOf(items)).toEqual([]);
  });
});

describe("tasks: where an assignee begins (a title, a body, a collective, the polite address)", () => {
  // the title and body rules are tried only where the document's first-word walk opens one of
  // their lists; the polite address (`Quý cơ quan`) is in none of them and is always tried
  it.each<[string, string, string[], [assignee: string[], action: string, cooperating: string[]]]>([
    ["the polite address", "Đề nghị Quý cơ quan tạo điều kiện để cán bộ hoàn thành nhiệm vụ.", [], [["Quý cơ quan"], "tạo điều kiện để cán bộ hoàn thành nhiệm vụ", []]],
    ["the polite address, pointing to kính gửi", "Đề nghị Quý cơ quan tạo điều kiện để cán bộ hoàn thành nhiệm vụ.", ["Sở Y tế", "Sở Tài chính"], [["Sở Y tế", "Sở Tài chính"], "tạo điều kiện để cán bộ hoàn thành nhiệm vụ", []]],
    ["a title and its body", "Giao Chủ tịch UBND các huyện, thị xã chỉ đạo rà soát.", [], [["Chủ tịch UBND các huyện, thị xã"], "chỉ đạo rà soát", []]],
    ["a title, a collective, cooperating bodies", "Giao Giám đốc Sở Y tế và các sở, ngành liên quan phối hợp với Công an tỉnh, UBND cấp huyện triển khai.", [], [["Giám đốc Sở Y tế", "các sở, ngành liên quan"], "phối hợp với Công an tỉnh, UBND cấp huyện triển khai", ["Công an tỉnh", "UBND cấp huyện"]]],
    ["a body after an opening phrase", "Đối với hồ sơ tồn đọng, Sở Tư pháp chịu trách nhiệm xử lý dứt điểm.", [], [["Sở Tư pháp"], "chịu trách nhiệm xử lý dứt điểm", []]],
    // a word of NOT_SUBJECT only as the start of a longer word (`Ưu đãi` holds `đã`): the body is the subject
    ["a body whose name holds a not-a-subject word", "Quỹ Ưu đãi của tỉnh, Sở Tư pháp chịu trách nhiệm xử lý dứt điểm.", [], [["Sở Tư pháp"], "chịu trách nhiệm xử lý dứt điểm", []]],
    ["a body glued to the word before it is no cooperating body", "Trung tâm Y tế huyện chủ trì, phối hợp với các đơn vị liên quan và SởY tế tổ chức tiêm.", [], [["Trung tâm Y tế huyện"], "chủ trì, phối hợp với các đơn vị liên quan và SởY tế tổ chức tiêm", ["các đơn vị liên quan"]]],
  ])("%s", (_name, own, recipients, expected) => {
    expect(tasksOf([["1.", own]], recipients).map((t) => [t.assignee, t.action, t.cooperating])).toEqual([expected]);
  });
});

describe("tasks: the assignee carried down and resolved", () => {
  it("one task a bullet, each with the parent's assignee", () => {
    const tasks = tasksOf([["1.", "Giao Sở Y tế:", [["-", "Chủ trì triển khai bệnh án điện tử;"], ["-", "Rà soát các đề án liên quan;"], ["-", "Báo cáo kết quả trước ngày 30/6/2025."]]]]);
    expect(tasks.map((t) => t.assignee)).toEqual([["Sở Y tế"], ["Sở Y tế"], ["Sở Y tế"]]);
    expect(tasks[2].deadline).toBe("2025-06-30");
    expect(tasks[0].deadline).toBeNull();
  });

  it("a deadline written without a digit (`quý IV`) is read from the task's own text", () => {
    // no date list given: each task's text is scanned for its dates, here past the digit test
    const tasks = tasksOf([["1.", "Sở Y tế chủ trì xây dựng kế hoạch, hoàn thành trong quý IV năm nay."], ["2.", "Sở Tài chính bố trí kinh phí thực hiện."]]);
    expect(tasks.map((t) => [t.assignee, t.deadline])).toEqual([[["Sở Y tế"], "--10/--12"], [["Sở Tài chính"], null]]);
  });

  it("`các đơn vị` points back to kính gửi", () => {
    const tasks = tasksOf([["1.", "Đề nghị các đơn vị khẩn trương rà soát, báo cáo trước ngày 10/6/2025."], ["2.", "Đề nghị Quý cơ quan, Sở Nội vụ phối hợp thực hiện."]], ["Sở Y tế", "Sở Tài chính"]);
    expect(tasks[0].assignee).toEqual(["Sở Y tế", "Sở Tài chính"]);
    // the polite address too, the names after it kept
    expect(tasks[1].assignee).toEqual(["Sở Y tế", "Sở Tài chính", "Sở Nội vụ"]);
  });

  it("the text and the action with their whitespace runs made one space", () => {
    const tasks = tasksOf([["1.", "Sở Y tế \n  chủ trì,  phối hợp với Sở Tài chính\n xây dựng kế hoạch ./."], ["2.", "Đề nghị  Sở Nội vụ\t khẩn trương  rà soát biên chế."]]);
    expect(tasks.map((t) => [t.text, t.action])).toEqual([
      ["Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch", "chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch"],
      ["Đề nghị Sở Nội vụ khẩn trương rà soát biên chế", "khẩn trương rà soát biên chế"],
    ]);
  });

  it("a clause without its own assignee continues the task before it", () => {
    const tasks = tasksOf([["5.", "Sở Y tế chuẩn bị nội dung báo cáo; chuẩn bị phòng họp và các điều kiện cần thiết."]]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].text).toBe("Sở Y tế chuẩn bị nội dung báo cáo; chuẩn bị phòng họp và các điều kiện cần thiết");
  });

  it("clauses cut at `;`, `:` (not before a digit), `./.` and a sentence end before a capital", () => {
    const tasks = tasksOf([
      ["1.", "Sở Y tế chủ trì theo Quyết định số: 123 của tỉnh; Sở Tài chính bố trí kinh phí. Sở Nội vụ rà soát biên chế./. Công an tỉnh bảo đảm an ninh. tiếp tục theo dõi."],
    ]);
    expect(tasks.map((t) => [t.assignee, t.text])).toEqual([
      [["Sở Y tế"], "Sở Y tế chủ trì theo Quyết định số: 123 của tỉnh"],
      [["Sở Tài chính"], "Sở Tài chính bố trí kinh phí"],
      [["Sở Nội vụ"], "Sở Nội vụ rà soát biên chế"],
      // a dot before a small letter cuts nothing: the clause goes on
      [["Công an tỉnh"], "Công an tỉnh bảo đảm an ninh. tiếp tục theo dõi"],
    ]);
  });

  it("what stands before the verb reads as assignees only when each word is a body's, a title's or an assignee's tail", () => {
    const tasks = tasksOf([
      ["1.", "Sở Y tế và các đơn vị trực thuộc chủ trì triển khai tiêm chủng."],
      ["2.", "Sở Y tế luôn giữ vai trò nòng cốt trong việc chủ trì triển khai tiêm chủng."],
      ["3.", "Sở Y tế (cơ quan thường trực) – Sở Tài chính phối hợp kiểm tra."],
    ]);
    expect(tasks.map((t) => t.assignee)).toEqual([["Sở Y tế", "các đơn vị trực thuộc"], ["Sở Y tế (cơ quan thường trực) – Sở Tài chính"]]);
  });

  it("an appendix read line by line, a dash line under the line before it", () => {
    const body = "1. Sở Tài chính bố trí kinh phí.\n";
    const appendix = "KẾ HOẠCH\n\nGiao Sở Y tế:\n  - Rà soát các cơ sở khám chữa bệnh;\n\n- Báo cáo kết quả trước ngày 30/6/2025.\n12345\nSở Nội vụ thẩm định hồ sơ.";
    const text = body + appendix;
    const node: OutlineNode = { kind: "numbered", label: "1.", text: "Sở Tài chính bố trí kinh phí.", span: [0, body.length - 1], children: [] };
    const tree = { ...treeOf([]), text, keys: documentKeys(text), body: { span: [0, body.length] as [number, number], text: body, nodes: [node] } };
    const ctx = makeContext({ ...tree, appendices: [{ title: "KẾ HOẠCH", text: appendix, span: [body.length, text.length] }] });
    expect(extractTasks(ctx, [], extractAgencies(ctx)).map((t) => [t.assignee, t.text, t.span])).toEqual([
      [["Sở Tài chính"], "Sở Tài chính bố trí kinh phí", [3, 32]],
      [["Sở Y tế"], "Rà soát các cơ sở khám chữa bệnh", [61, 94]],
      [["Sở Y tế"], "Báo cáo kết quả trước ngày 30/6/2025", [98, 135]],
      // a line of no letter is none: the line after it is a node of its own
      [["Sở Nội vụ"], "Sở Nội vụ thẩm định hồ sơ", [142, 168]],
    ]);
  });

  it("a verb inside the parentheses after the body is not its action", () => {
    for (const [own, assignee] of [
      ["Sở Y tế (Thường trực Ban Chỉ đạo, tổ chức kiểm tra) chủ trì triển khai tiêm chủng.", "Sở Y tế (Thường trực Ban Chỉ đạo, tổ chức kiểm tra)"],
      ["Sở Y tế (Thường trực) (đơn vị tổ chức) chủ trì triển khai tiêm chủng.", "Sở Y tế (Thường trực) (đơn vị tổ chức)"],
    ]) {
      const tasks = tasksOf([["1.", own]]);
      expect(tasks.map((t) => [t.assignee, t.action])).toEqual([[[assignee], "chủ trì triển khai tiêm chủng"]]);
    }
  });

  it("a node's text re-joined across wrapped lines spans the lines in the document", () => {
    const own = "Sở Y tế chủ trì triển khai tiêm chủng mở rộng cho trẻ em dưới 5 tuổi trên địa bàn.";
    const cases: [document: string, own: string, text: string, span: [number, number]][] = [
      ["1. Sở Y tế chủ trì triển khai tiêm chủng mở rộng\ncho trẻ em dưới 5 tuổi trên địa bàn.\n", own, own.slice(0, -1), [3, 85]],
      // an indented continuation line; a node's text with a wider gap than the document's
      ["1. Sở Y tế chủ trì triển khai tiêm chủng mở rộng\n    cho trẻ em dưới 5 tuổi trên địa bàn.\n", own, own.slice(0, -1), [3, 89]],
      ["1. Sở Y tế chủ trì triển khai tiêm chủng mở rộng cho trẻ em dưới 5 tuổi trên địa bàn.\n", own.replace("mở rộng ", "mở rộng   "), own.slice(0, -1), [3, 85]],
      // the document's words differ, or its last word runs on: counted word by word
      ["1. Sở Y tế chủ trì triển khai tiêm chủng mở-rộng cho trẻ em dưới 5 tuổi trên địa bàn.\n", own, "Sở Y tế chủ trì triển khai tiêm chủng mở-rộng cho trẻ em dưới 5 tuổi trên địa bàn", [3, 85]],
      ["1. Sở Y tế chủ trì triển khai tiêm chủng mở rộng cho trẻ em dưới 5 tuổi trên địa bàn.xyz\n", own, `${own}xyz`, [3, 88]],
    ];
    for (const [text, ownText, taskText, span] of cases) {
      const node: OutlineNode = { kind: "numbered", label: "1.", text: ownText, span: [0, text.length - 1], children: [] };
      const ctx = makeContext({ ...treeOf([]), text, keys: documentKeys(text), body: { span: [0, text.length], text, nodes: [node] } });
      expect(extractTasks(ctx, [], extractAgencies(ctx)).map((t) => [t.text, t.span])).toEqual([[taskText, span]]);
    }
  });

  it("fixture: a quyết định with Điều 2 and Điều 3", () => {
    const lines = readFileSync(new URL("../../fixtures/extract/tasks-quyet-dinh.txt", import.meta.url), "utf8").trim().split("\n");
    const items: Item[] = lines.map((l) => {
      const m = /^(Điều \d+\.|\d+\.|-)\s+(.*)$/.exec(l);
      return m ? [m[1], m[2]] : [null, l];
    });
    const tasks = tasksOf(items);
    expect(tasks.map((t) => t.assignee)).toEqual([
      ["Giám đốc Sở Nội vụ"],
      ["Chánh Văn phòng UBND tỉnh", "Giám đốc các Sở: Nội vụ, Tài chính", "Chủ tịch UBND các huyện, thành phố"],
    ]);
    expect(tasks[0].deadline).toBe("2025-09-30");
  });
});

describe("tasks: the separators between assignees, read by code unit", () => {
  // the pattern the scan replaced, kept as its oracle
  const SEPARATOR = /\s*(?:;|,\s*và|,|\s+và|\s+cùng)(?=\s)/gu;
  /** The separators (start, end) a search of `t[…, to)` from `from` finds: by the scan, and by the pattern. */
  const scanned = (t: string, from: number, to: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let at = nextSeparator(t, from, to); at >= 0; at = nextSeparator(t, out[out.length - 1][1], to)) out.push([at, separatorEnd(t, at, to)]);
    return out;
  };
  const matched = (t: string, from: number, to: number): [number, number][] => {
    const out: [number, number][] = [];
    SEPARATOR.lastIndex = from;
    const piece = t.slice(0, to);
    for (let m = SEPARATOR.exec(piece); m; m = SEPARATOR.exec(piece)) out.push([m.index, m.index + m[0].length]);
    return out;
  };

  it("finds what the pattern finds, where it finds it", () => {
    for (const t of ["Sở Y tế; Sở Tài chính", "Sở Y tế, và Sở Tài chính", "Sở Y tế ,  và\nSở X", "Sở Y tế và Sở X cùng Sở Z", "A;B ;\tC , D,E ,và F", "và A  cùng", " ; , và cùng "]) {
      for (let from = 0; from <= t.length; from++) for (let to = from; to <= t.length; to++) expect(scanned(t, from, to), JSON.stringify([t, from, to])).toEqual(matched(t, from, to));
    }
  });

  it("agrees with the pattern on random texts of its pieces", () => {
    const pieces = [" ", "  ", "\n", "\u00a0", ";", ",", "và", "cùng", "v", "à", "cù", "ng", "Sở", "x", ".", "vàng"];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    for (let k = 0; k < 3000; k++) {
      let t = "";
      for (let n = 1 + random(14); n > 0; n--) t += pieces[random(pieces.length)];
      const from = random(t.length + 1);
      const to = from + random(t.length - from + 1);
      expect(scanned(t, from, to), JSON.stringify([t, from, to])).toEqual(matched(t, from, to));
    }
  });
});
