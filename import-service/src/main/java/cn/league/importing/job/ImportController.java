package cn.league.importing.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.league.importing.parse.ImportProblems;
import cn.league.importing.parse.TemplateFile;
import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;
import cn.league.importing.template.TemplateWriter;
import cn.league.support.problem.ProblemException;
import cn.league.support.security.Caller;

@Tag(name = "导入", description = "导入模板、上传、进度、结果与失败数据 (R-IMP-1, R-IMP-2)")
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final JobStore jobs;
    private final ImportScope scope;

    ImportController(JobStore jobs, ImportScope scope) {
        this.jobs = jobs;
        this.scope = scope;
    }

    /** R-IMP-1: an empty template, e.g. {@code /api/imports/templates/subordinate-members.xls}. */
    @Operation(summary = "下载导入模板 (R-IMP-1)")
    @GetMapping("/templates/{code}.{extension}")
    ResponseEntity<StreamingResponseBody> template(JwtAuthenticationToken token, @PathVariable String code,
                                                   @PathVariable String extension) {
        scope.anAdmin(Caller.of(token).idNumber());
        Template template = template(code);
        FileFormat format = FileFormat.ofExtension(extension).orElseThrow(ImportProblems::notASpreadsheet);
        return download(template.title() + "." + format.extension(), format,
                out -> TemplateWriter.template(template, format, out));
    }

    /**
     * Uploads a file for the org the caller acts for; answered at once (202) with the job. The file's format (by its
     * bytes) and template are checked now; the rest while the job runs.
     */
    @Operation(summary = "上传导入文件 (R-IMP-1, R-IMP-3)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> upload(JwtAuthenticationToken token, @RequestParam("template") String code,
                                      @RequestParam("file") MultipartFile file) throws IOException {
        String caller = Caller.of(token).idNumber();
        long org = scope.uploadingOrg(caller);
        Template template = template(code);
        byte[] bytes = file.getBytes();
        FileFormat format = FileFormat.of(bytes).orElseThrow(ImportProblems::notASpreadsheet);
        Path copy = Files.createTempFile("upload-", "." + format.extension());
        try {
            Files.write(copy, bytes);
            TemplateFile.check(copy, format, template);
        } finally {
            Files.deleteIfExists(copy);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? template.title() + "." + format.extension() : file.getOriginalFilename();
        ImportJob job = jobs.create(caller, org, template, format, name.length() > 255 ? name.substring(0, 255)
                : name, bytes);
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/imports/" + job.id())
                .body(ImportView.of(job));
    }

    /** The caller's own imports, newest first. */
    @Operation(summary = "我的导入记录 (R-IMP-2)")
    @GetMapping
    Page mine(JwtAuthenticationToken token, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "20") int size) {
        String caller = Caller.of(token).idNumber();
        int pageSize = Math.clamp(size, 1, 100);
        int pageNumber = Math.max(0, page);
        return new Page(jobs.uploadedBy(caller, pageNumber, pageSize).stream().map(ImportView::of).toList(),
                pageNumber, pageSize, jobs.countUploadedBy(caller));
    }

    record Page(List<ImportView> items, int page, int size, long total) {
    }

    @Operation(summary = "导入任务与结果 (R-IMP-2)")
    @GetMapping("/{id}")
    ImportView job(JwtAuthenticationToken token, @PathVariable UUID id) {
        return ImportView.of(scope.visibleJob(Caller.of(token).idNumber(), id));
    }

    /** The job's progress as server-sent events ({@code progress}), every half second until it ends. */
    @Operation(summary = "导入进度（服务器推送事件） (R-IMP-2)")
    @GetMapping(value = "/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(JwtAuthenticationToken token, @PathVariable UUID id) {
        scope.visibleJob(Caller.of(token).idNumber(), id);
        SseEmitter emitter = new SseEmitter(java.time.Duration.ofHours(1).toMillis());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    ImportJob job = jobs.find(id).orElseThrow();
                    emitter.send(SseEmitter.event().name("progress").data(ImportView.of(job),
                            MediaType.APPLICATION_JSON));
                    if (job.status().finished()) {
                        emitter.complete();
                        return;
                    }
                    Thread.sleep(500);
                }
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                emitter.complete();
            }
        });
        return emitter;
    }

    @Operation(summary = "取消导入 (R-IMP-2)")
    @PostMapping("/{id}/cancel")
    ImportView cancel(JwtAuthenticationToken token, @PathVariable UUID id) {
        ImportJob job = scope.visibleJob(Caller.of(token).idNumber(), id);
        if (!jobs.cancel(job.id())) {
            throw new ProblemException(HttpStatus.CONFLICT, "IMPORT_FINISHED", null, "导入已结束,无法取消");
        }
        return ImportView.of(jobs.find(id).orElseThrow());
    }

    /**
     * The file as uploaded: already in memory, so answered at once rather than streamed on another thread (a
     * stream's late header writes met Tomcat's in a race once, answering nothing).
     */
    @Operation(summary = "下载上传的原文件 (R-IMP-1)")
    @GetMapping("/{id}/file")
    ResponseEntity<byte[]> file(JwtAuthenticationToken token, @PathVariable UUID id) {
        ImportJob job = scope.visibleJob(Caller.of(token).idNumber(), id);
        return attachment(job.fileName(), job.format()).body(jobs.file(id));
    }

    /** R-IMP-2: the failed rows in the uploaded template's layout and format, with 失败原因. */
    @Operation(summary = "下载导入失败的数据及失败原因 (R-IMP-2)")
    @GetMapping("/{id}/failures")
    ResponseEntity<StreamingResponseBody> failures(JwtAuthenticationToken token, @PathVariable UUID id) {
        ImportJob job = scope.visibleJob(Caller.of(token).idNumber(), id);
        List<List<String>> rows = new ArrayList<>(job.rowsFailed());
        jobs.failures(id, rows::add);
        return download(job.template().title() + "-失败行." + job.format().extension(), job.format(),
                out -> TemplateWriter.failures(job.template(), job.format(), rows, out));
    }

    private static Template template(String code) {
        return Template.ofCode(code).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "TEMPLATE_NOT_FOUND", "R-IMP-1", "没有这个导入模板"));
    }

    private static ResponseEntity<StreamingResponseBody> download(String name, FileFormat format,
                                                                  StreamingResponseBody body) {
        return attachment(name, format).body(body);
    }

    private static ResponseEntity.BodyBuilder attachment(String name, FileFormat format) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString());
    }
}
