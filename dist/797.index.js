export const id = 797;
export const ids = [797];
export const modules = {

/***/ 9797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pinnedTool: () => (/* binding */ pinnedTool)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6932);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7827);





/**
 * Downloads a pinned binary once per runner: verified against its sha256 before it is cached or
 * run, so a changed file at the URL cannot slip in.
 */
async function pinnedTool(name, url, sha256) {
    if (!/^[a-f0-9]{64}$/.test(sha256))
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${name}-sha256: "${sha256}" is not a sha256 hex digest`);
    // tool-cache keys its cache by semver: the pinned digest becomes a pre-release label.
    const version = `0.0.0-sha${sha256.slice(0, 16)}`;
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__/* .find */ .I6(name, version);
    if (cached)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cached, name);
    const downloaded = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__/* .downloadTool */ .bq(url);
    const actual = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(downloaded))
        .digest('hex');
    if (actual !== sha256)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .x(`${name}-url: the file at ${url} has sha256 ${actual}, not the pinned ${sha256}; nothing was run`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(downloaded, 0o755);
    const dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__/* .cacheFile */ .NJ(downloaded, name, name, version);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
}


/***/ })

};
