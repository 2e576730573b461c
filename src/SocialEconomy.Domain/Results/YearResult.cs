using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Results;

/// <summary>
/// 연도별 실적: what a sub-project achieved and spent in one year, entered by its departments
/// and reviewed by the coordinator (작성중 → 제출 → 반려/확정). Values are kept as typed, so
/// a draft never loses text even while some of it is invalid; the problems are listed
/// beside the fields and block submission, not saving.
/// </summary>
public class YearResult
{
    public const int NarrativeMaxLength = 4000;
    public const int CommentMaxLength = 1000;

    private readonly List<IndicatorResult> _indicators = [];
    private readonly List<BudgetExecution> _budget = [];
    private readonly List<MilestoneProgress> _milestones = [];
    private readonly List<ResultEvent> _events = [];

    public YearResult(SubProject subProject, int year)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        subProject.Period.EnsureContains(year);
        SubProject = subProject;
        SubProjectId = subProject.Id;
        Year = year;
    }

    private YearResult()
    {
        SubProject = null!;
    }

    public int Id { get; private set; }

    public int SubProjectId { get; private set; }

    public SubProject SubProject { get; private set; }

    public int Year { get; private set; }

    public ResultStatus Status { get; private set; } = ResultStatus.Draft;

    /// <summary>An application-managed concurrency token: the entry form carries it, a stale save is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>추진실적.</summary>
    public string? Achievements { get; private set; }

    /// <summary>문제점.</summary>
    public string? Problems { get; private set; }

    /// <summary>개선방안.</summary>
    public string? Improvements { get; private set; }

    public string? UpdatedBy { get; private set; }

    public DateTime? UpdatedAtUtc { get; private set; }

    public IReadOnlyCollection<IndicatorResult> Indicators => _indicators;

    public IReadOnlyCollection<BudgetExecution> Budget => _budget;

    public IReadOnlyCollection<MilestoneProgress> Milestones => _milestones;

    public IReadOnlyList<ResultEvent> Events => _events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList();

    public bool IsEditable => Status is ResultStatus.Draft or ResultStatus.Returned;

    /// <summary>While returned, the step that sent the results back (반려, or 재개 of confirmed ones), with its reason.</summary>
    public ResultEvent? ReturnStep => Status == ResultStatus.Returned
        ? Events.LastOrDefault(e => e.Step is ResultStep.Returned or ResultStep.Reopened)
        : null;

    /// <summary>Why the officer cannot change the results now, or null.</summary>
    public string? EditRefusal => Status switch
    {
        ResultStatus.Submitted => "제출한 실적은 검토가 끝날 때까지 고칠 수 없습니다. 고쳐야 하면 담당부서에 반려를 요청하세요.",
        ResultStatus.Confirmed => "확정된 실적은 고칠 수 없습니다. 고쳐야 하면 담당부서에 재개를 요청하세요.",
        _ => null,
    };

    public IndicatorResult? For(Indicator indicator) => _indicators.FirstOrDefault(r => Same(r.IndicatorId, r.Indicator, indicator));

    public BudgetExecution? For(BudgetLine line) => _budget.FirstOrDefault(b => b.BudgetLineId == line.Id && line.Id != 0 || ReferenceEquals(b.BudgetLine, line));

    public MilestoneProgress? For(Milestone milestone) => _milestones.FirstOrDefault(m => m.MilestoneId == milestone.Id && milestone.Id != 0 || ReferenceEquals(m.Milestone, milestone));

    public void SetNarratives(string? achievements, string? problems, string? improvements)
    {
        EnsureEditable();
        Achievements = Narrative(achievements, "추진실적");
        Problems = Narrative(problems, "문제점");
        Improvements = Narrative(improvements, "개선방안");
    }

    /// <summary>Keeps what was typed for an indicator; the problem, if any, is kept beside it.</summary>
    public IndicatorResult RecordIndicator(Indicator indicator, string? input, Judgement? judgement)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        EnsureEditable();
        EnsureOwn(indicator.ActionItem.SubProject);
        var result = For(indicator);
        if (result is null)
        {
            result = new IndicatorResult(indicator);
            _indicators.Add(result);
        }

        result.Record(indicator, input, judgement, indicator.TargetFor(Year));
        return result;
    }

    public BudgetExecution RecordExecution(BudgetLine line, string? input)
    {
        ArgumentNullException.ThrowIfNull(line);
        EnsureEditable();
        EnsureOwn(line.SubProject);
        var execution = For(line);
        if (execution is null)
        {
            execution = new BudgetExecution(line);
            _budget.Add(execution);
        }

        execution.Record(line, input);
        return execution;
    }

    public MilestoneProgress RecordMilestone(Milestone milestone, MilestoneState? state, string? note)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        EnsureEditable();
        EnsureOwn(milestone.ActionItem.SubProject);
        var progress = For(milestone);
        if (progress is null)
        {
            progress = new MilestoneProgress(milestone);
            _milestones.Add(progress);
        }

        progress.Record(state, note);
        return progress;
    }

    /// <summary>Marks a save: who and when, and a new version for the next editor to compare with.</summary>
    public void Touch(string actor, DateTime nowUtc)
    {
        UpdatedBy = actor;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>What still blocks submission, in Korean, one line per gap; empty when complete.</summary>
    public IReadOnlyList<string> SubmissionGaps() => SubmissionGaps(SubProject);

    /// <summary>
    /// The gaps against <paramref name="subProject"/>'s tables: this result's own sub-project,
    /// given by a reader that holds it apart from the result (an untracked result read beside
    /// a shared copy of the plan has no <see cref="SubProject"/> of its own).
    /// </summary>
    public IReadOnlyList<string> SubmissionGaps(SubProject subProject)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        if (subProject.Id != SubProjectId && SubProjectId != 0)
        {
            throw new ArgumentException($"Sub-project {subProject.Id} is not this result's ({SubProjectId}).", nameof(subProject));
        }

        var gaps = new List<string>();
        foreach (var item in subProject.ActionItems)
        {
            if (!item.Years.Contains(Year))
            {
                continue;
            }

            foreach (var indicator in item.Indicators)
            {
                var target = indicator.TargetFor(Year);
                var result = For(indicator);
                if (result?.Problem is { } problem)
                {
                    gaps.Add($"성과지표 '{indicator.Name}': {problem}");
                }
                else if (!target.IsEmpty && (result is null || !result.HasActual))
                {
                    gaps.Add($"성과지표 '{indicator.Name}'의 {Year}년 실적을 입력하세요.");
                }
                else if (!target.IsEmpty && target.Number is null && result?.Judgement is null)
                {
                    gaps.Add($"성과지표 '{indicator.Name}'의 달성 여부(달성/일부달성/미달성)를 고르세요.");
                }
            }

            foreach (var milestone in item.Milestones.Where(m => m.TextFor(Year) is not null))
            {
                if (For(milestone)?.State is null)
                {
                    gaps.Add($"연도별 추진계획 '{milestone.TextFor(Year)}'의 추진 상황을 고르세요.");
                }
            }
        }

        foreach (var line in subProject.BudgetLines.Where(l => !l.IsNonBudget))
        {
            var execution = For(line);
            if (execution?.Problem is { } problem)
            {
                gaps.Add($"예산 '{line.Name}': {problem}");
            }
            else if (line.Amounts.Any(a => a.Year == Year) && execution?.Executed is null)
            {
                gaps.Add($"예산 '{line.Name}'의 {Year}년 집행액을 입력하세요.");
            }
        }

        if (Achievements is null)
        {
            gaps.Add("추진실적을 입력하세요.");
        }

        return gaps;
    }

    public void Submit(ResultsPeriod period, string actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(period);
        EnsureEditable();
        period.EnsureOpen();
        var gaps = SubmissionGaps();
        if (gaps.Count > 0)
        {
            throw new DomainException($"제출하려면 다음을 채우세요: {string.Join(" / ", gaps)}");
        }

        Status = ResultStatus.Submitted;
        AddEvent(ResultStep.Submitted, actor, nowUtc, null);
    }

    public void Return(string actor, DateTime nowUtc, string comment)
    {
        if (Status != ResultStatus.Submitted)
        {
            throw new DomainException("제출된 실적만 반려할 수 있습니다.");
        }

        var why = Required(comment, "반려 사유");
        Status = ResultStatus.Returned;
        AddEvent(ResultStep.Returned, actor, nowUtc, why);
    }

    public void Confirm(string actor, DateTime nowUtc)
    {
        if (Status != ResultStatus.Submitted)
        {
            throw new DomainException("제출된 실적만 확정할 수 있습니다.");
        }

        Status = ResultStatus.Confirmed;
        AddEvent(ResultStep.Confirmed, actor, nowUtc, null);
    }

    /// <summary>Unlocks confirmed results for correction; they go back to the departments as 반려.</summary>
    public void Reopen(string actor, DateTime nowUtc, string reason)
    {
        if (Status != ResultStatus.Confirmed)
        {
            throw new DomainException("확정된 실적만 재개할 수 있습니다.");
        }

        var why = Required(reason, "재개 사유");
        Status = ResultStatus.Returned;
        AddEvent(ResultStep.Reopened, actor, nowUtc, why);
    }

    /// <summary>Called after the checks and the status change: every argument is already valid.</summary>
    private void AddEvent(ResultStep step, string actor, DateTime nowUtc, string? comment)
    {
        _events.Add(new ResultEvent(step, string.IsNullOrWhiteSpace(actor) ? "unknown" : actor, nowUtc, comment));
        Version = Guid.NewGuid();
    }

    private void EnsureEditable()
    {
        if (EditRefusal is { } refusal)
        {
            throw new DomainException(refusal);
        }
    }

    private void EnsureOwn(SubProject owner)
    {
        if (!ReferenceEquals(owner, SubProject) && (owner.Id == 0 || owner.Id != SubProjectId))
        {
            throw new DomainException("이 세부사업의 항목이 아닙니다.");
        }
    }

    private static bool Same(int id, Indicator? known, Indicator candidate) =>
        ReferenceEquals(known, candidate) || candidate.Id != 0 && id == candidate.Id;

    private static string? Narrative(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        return trimmed.Length > NarrativeMaxLength
            ? throw new DomainException($"{label}은(는) {NarrativeMaxLength}자 이내로 입력하세요.")
            : trimmed;
    }

    private static string Required(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException($"{label}을(를) 입력하세요.");
        }

        var trimmed = text.Trim();
        return trimmed.Length > CommentMaxLength ? throw new DomainException($"{label}은(는) {CommentMaxLength}자 이내로 입력하세요.") : trimmed;
    }
}
