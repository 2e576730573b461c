using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class ResultsPeriodConfiguration : IEntityTypeConfiguration<ResultsPeriod>
{
    public void Configure(EntityTypeBuilder<ResultsPeriod> builder)
    {
        builder.ToTable("ResultsPeriods");
        builder.HasOne<BasicPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.PlanId, p.Year }).IsUnique();
    }
}

public sealed class YearResultConfiguration : IEntityTypeConfiguration<YearResult>
{
    public void Configure(EntityTypeBuilder<YearResult> builder)
    {
        builder.ToTable("YearResults");

        // Application-managed, like SubProject.Version: the same conflict rule on both providers.
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Achievements).HasMaxLength(YearResult.NarrativeMaxLength);
        builder.Property(r => r.Problems).HasMaxLength(YearResult.NarrativeMaxLength);
        builder.Property(r => r.Improvements).HasMaxLength(YearResult.NarrativeMaxLength);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);

        // Results keep the structure they describe: a sub-project with results cannot be
        // deleted from under them (StructureRemoval refuses first; the database agrees).
        builder.HasOne(r => r.SubProject).WithMany().HasForeignKey(r => r.SubProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Indicators).WithOne().HasForeignKey(i => i.YearResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Budget).WithOne().HasForeignKey(b => b.YearResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Milestones).WithOne().HasForeignKey(m => m.YearResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.YearResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SubProjectId, r.Year }).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Status });
    }
}

public sealed class IndicatorResultConfiguration : IEntityTypeConfiguration<IndicatorResult>
{
    public void Configure(EntityTypeBuilder<IndicatorResult> builder)
    {
        builder.ToTable("IndicatorResults");
        builder.Property(r => r.Input).HasMaxLength(IndicatorResult.InputMaxLength);
        builder.Property(r => r.ActualText).HasMaxLength(TargetValue.TextMaxLength);
        builder.Property(r => r.Problem).HasMaxLength(300);
        builder.Ignore(r => r.Actual);
        builder.Ignore(r => r.HasActual);
        builder.HasOne(r => r.Indicator).WithMany().HasForeignKey(r => r.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.YearResultId, r.IndicatorId }).IsUnique();
    }
}

public sealed class BudgetExecutionConfiguration : IEntityTypeConfiguration<BudgetExecution>
{
    public void Configure(EntityTypeBuilder<BudgetExecution> builder)
    {
        builder.ToTable("BudgetExecutions");
        builder.Property(b => b.Input).HasMaxLength(BudgetExecution.InputMaxLength);
        builder.Property(b => b.Problem).HasMaxLength(300);
        builder.HasOne(b => b.BudgetLine).WithMany().HasForeignKey(b => b.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.YearResultId, b.BudgetLineId }).IsUnique();
    }
}

public sealed class MilestoneProgressConfiguration : IEntityTypeConfiguration<MilestoneProgress>
{
    public void Configure(EntityTypeBuilder<MilestoneProgress> builder)
    {
        builder.ToTable("MilestoneProgress");
        builder.Property(m => m.Note).HasMaxLength(MilestoneProgress.NoteMaxLength);
        builder.HasOne(m => m.Milestone).WithMany().HasForeignKey(m => m.MilestoneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.YearResultId, m.MilestoneId }).IsUnique();
    }
}

public sealed class ResultEventConfiguration : IEntityTypeConfiguration<ResultEvent>
{
    public void Configure(EntityTypeBuilder<ResultEvent> builder)
    {
        builder.ToTable("ResultEvents");
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Comment).HasMaxLength(YearResult.CommentMaxLength);
    }
}

public sealed class ResultAttachmentConfiguration : IEntityTypeConfiguration<ResultAttachment>
{
    public void Configure(EntityTypeBuilder<ResultAttachment> builder)
    {
        builder.ToTable("ResultAttachments");
        builder.Property(a => a.FileName).HasMaxLength(ResultAttachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.UploadedBy).HasMaxLength(256).IsRequired();
        builder.HasOne(a => a.YearResult).WithMany().HasForeignKey(a => a.YearResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> builder)
    {
        builder.ToTable("AttachmentBlobs");
        builder.HasKey(b => b.AttachmentId);
        builder.Property(b => b.Content).IsRequired();
        builder.HasOne(b => b.Attachment).WithOne().HasForeignKey<AttachmentBlob>(b => b.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
