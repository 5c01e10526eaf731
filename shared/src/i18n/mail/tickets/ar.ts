import type { TicketMailCatalog } from './types.ts'

export const ar: TicketMailCatalog = {
  dir: 'rtl',
  subject: {
    cancelApproved: 'تم إلغاء الطلب {order}',
    cancelDeclined: 'طلبك لإلغاء الطلب {order}',
    returnApproved: 'تمت الموافقة على إرجاع الطلب {order}',
    returnDeclined: 'طلب الإرجاع الخاص بالطلب {order}',
    issueApproved: 'بلاغك بخصوص الطلب {order}',
    issueDeclined: 'بلاغك بخصوص الطلب {order}',
    reply: 'رد: طلبك {reference} إلى {store}',
    refund: 'استرداد {amount} للطلب {order}',
  },
  lead: {
    cancelApproved: 'تمت الموافقة على طلبك لإلغاء الطلب {order}: لقد أُلغي الطلب.',
    cancelDeclined: 'لم نتمكن من قبول طلبك لإلغاء الطلب {order}.',
    returnApproved: 'تمت الموافقة على إرجاع الطلب {order}.',
    returnDeclined: 'لم نتمكن من قبول طلب الإرجاع الخاص بالطلب {order}.',
    issueApproved: 'لقد قبلنا بلاغك بخصوص الطلب {order} وسنتواصل معك قريبًا.',
    issueDeclined: 'لم نتمكن من قبول بلاغك بخصوص الطلب {order}.',
    reply: 'ردّ {store} على طلبك {reference}:',
    refund: 'لقد استرددنا لك {amount} عن الطلب {order}.',
  },
  refundReleased: 'في طريقه إليك استرداد بقيمة {amount} إلى وسيلة الدفع الأصلية.',
  refundPending: 'جارٍ معالجة الاسترداد إلى وسيلة الدفع الأصلية.',
  refundOnReceipt: 'سنرد لك المبلغ فور استلامنا المنتجات.',
  noteFrom: 'رسالة من {store}:',
  referenceLine: 'المرجع: {reference}',
  footer: 'تصلك هذه الرسالة لأنك قدّمت طلبًا إلى {store}.',
  ratePrompt: 'ما رأيك في خدمة {store}؟ أخبرنا في ثوانٍ.',
  rateAction: 'قيّم تجربتك',
}
