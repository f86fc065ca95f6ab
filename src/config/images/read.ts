import { Input, type InputReader } from '../inputs/table.js';
import type { InputReport } from '../inputs/report.js';
import { loadImageList, type ImageListSource, type ImageSpec } from './list.js';
import { applyMetadataTags } from './metadata-tags.js';

/** The image list from images / images-file (zuul-job picking a job of a Zuul job file), metadata-tags applied. */
export function readImages(read: InputReader, workDir: string, expect: ImageListSource['expect'], report: InputReport): ImageSpec[] {
  const zuulJob = read(Input.ZuulJob);
  return applyMetadataTags(
    loadImageList({ inline: read(Input.Images), file: read(Input.ImagesFile), workDir, zuulJob, expect, notice: report.notice }),
    read(Input.MetadataTags),
  );
}
