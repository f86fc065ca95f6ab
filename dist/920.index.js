export const id = 920;
export const ids = [920];
export const modules = {

/***/ 6920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatPlainTable: () => (/* binding */ formatPlainTable),
/* harmony export */   setOutputs: () => (/* binding */ setOutputs),
/* harmony export */   writeSummary: () => (/* binding */ writeSummary)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);

function setOutputs(outputs, env, logger) {
    for (const [name, value] of Object.entries(outputs)) {
        if (value === undefined)
            continue;
        if (env.GITHUB_OUTPUT)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
        else
            logger.info(`output ${name}=${value}`);
    }
}
/** The job summary where the runner gives one; a plain table in the log otherwise. */
async function writeSummary(table, env, logger) {
    if (env.GITHUB_STEP_SUMMARY) {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
            .addHeading(table.title, 3)
            .addTable([table.headers.map((header) => ({ data: header, header: true })), ...table.rows.map((row) => [...row])])
            .write();
        return;
    }
    logger.info(formatPlainTable(table));
}
function formatPlainTable(table) {
    const rows = [table.headers, ...table.rows];
    const widths = table.headers.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
    const line = (row) => row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    return [table.title, line(table.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}


/***/ })

};
