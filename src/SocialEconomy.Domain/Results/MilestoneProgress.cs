using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Results;

/// <summary>추진 상황 of one milestone row in the year (완료 / 추진중 / 미추진), with a note.</summary>
public class MilestoneProgress
{
    public const int NoteMaxLength = 1000;

    internal MilestoneProgress(Milestone milestone)
    {
        Milestone = milestone;
        MilestoneId = milestone.Id;
    }

    private MilestoneProgress()
    {
        Milestone = null!;
    }

    public int Id { get; private set; }

    public int YearResultId { get; private set; }

    public int MilestoneId { get; private set; }

    public Milestone Milestone { get; private set; }

    public MilestoneState? State { get; private set; }

    public string? Note { get; private set; }

    internal void Record(MilestoneState? state, string? note)
    {
        State = state;
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Note = trimmed is { Length: > NoteMaxLength } ? throw new DomainException($"비고는 {NoteMaxLength}자 이내로 입력하세요.") : trimmed;
    }
}
